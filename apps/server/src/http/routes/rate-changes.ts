// Rate changes (调价): ops or finance propose one for a fee plan or a merchant (maker), another of
// them approves it through the generic review routes (checker; the handler is registered here);
// staff list them, and a merchant reads every change that reaches it, announced or past.
import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  planRateApplies,
  rateChangeState,
  rateInForce,
  SERVICES,
} from '@shoudan/core';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import { ApplicationBody, ErrorBody, Id } from '../schemas.ts';
import {
  RateChangePayload,
  rateChangeHandler,
  submitRateChange,
} from '../services/rate-changes.ts';
import { RateBody, rateBody, ratesByService } from '../services/rate-view.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('rate_change', rateChangeHandler);

const PROPOSER_ROLES = ['ops', 'finance'] as const;
const READER_ROLES = ['reviewer', 'support', 'ops', 'finance'] as const;

const RateChangeRequest = z
  .object({
    feePlanId: Id.optional(),
    merchantId: Id.optional(),
    service: z.enum(SERVICES),
    rateBps: z.number().int().min(0).max(10_000),
    capFen: z
      .string()
      .regex(/^\d{1,18}$/, 'a whole number of fen, as a string')
      .nullable()
      .optional(),
    effectiveFrom: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((b) => (b.feePlanId === undefined) !== (b.merchantId === undefined), {
    message: 'exactly one of feePlanId and merchantId',
    path: ['feePlanId'],
  });

const MerchantRateChange = z.object({
  id: z.string(),
  applicationNo: z.string(),
  scope: z.enum(['plan', 'merchant']),
  service: z.enum(SERVICES),
  rateBps: z.number().int(),
  capFen: z.string().nullable(),
  effectiveFrom: z.string(),
  /** The rate it replaces (in force just before it). */
  previousRate: RateBody.nullable(),
  announcedAt: z.string(),
  state: z.enum(['upcoming', 'in_force', 'superseded']),
});

export const registerRateChangeRoutes: RegisterRoutes = (app, deps) => {
  registerStaffSide(app, deps);
  app.get(
    '/v1/merchant/rate-changes',
    {
      schema: {
        tags: ['rates'],
        summary: 'Every rate change announced for the merchant: upcoming, in force and past',
        response: { 200: z.object({ data: z.array(MerchantRateChange) }) },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      return { data: await rateChangesOf(deps, me.merchantId) };
    },
  );
};

function registerStaffSide(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/ops/rate-changes',
    {
      schema: {
        tags: ['rates'],
        summary: 'Propose a rate change for a fee plan or one merchant, the notice period ahead',
        body: RateChangeRequest,
        response: { 201: ApplicationBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      staffOf(request, PROPOSER_ROLES);
      const { reason, ...body } = request.body;
      const change: RateChangePayload = {
        scope: body.merchantId === undefined ? 'plan' : 'merchant',
        feePlanId: body.feePlanId ?? null,
        merchantId: body.merchantId ?? null,
        service: body.service,
        rateBps: body.rateBps,
        capFen: body.capFen ?? null,
        effectiveFrom: new Date(body.effectiveFrom).toISOString(),
      };
      return inTransaction(deps, request, reply, async (tx) => {
        const row = await submitRateChange(deps, tx, request, { change, reason });
        return { status: 201, body: applicationBody(row) };
      });
    },
  );
  app.get(
    '/v1/ops/rate-changes',
    {
      schema: {
        tags: ['rates'],
        summary: 'Rate changes, newest first, by status, fee plan or merchant',
        querystring: z.object({
          status: z.enum(APPLICATION_STATUSES).optional(),
          feePlanId: Id.optional(),
          merchantId: Id.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.object({ data: z.array(ApplicationBody) }) },
      },
    },
    async (request) => {
      staffOf(request, READER_ROLES);
      const { status, feePlanId, merchantId, limit } = request.query;
      const rows = await platform.rates.listRateChanges(deps.services.db, {
        ...(status ? { statuses: [status] } : {}),
        ...(feePlanId ? { feePlanId } : {}),
        ...(merchantId ? { merchantId } : {}),
        limit,
      });
      return { data: rows.map(applicationBody) };
    },
  );
}

const HISTORY_LIMIT = 500;

/** The carried-out changes of the merchant's own rates and of its plan's that reach it. */
async function rateChangesOf(
  deps: HttpDeps,
  merchantId: string,
): Promise<z.infer<typeof MerchantRateChange>[]> {
  const db = deps.services.db;
  const merchant = await platform.services.findMerchant(db, merchantId);
  if (!merchant) throw new OutcomeError({ code: 'not_found' });
  const { feePlanId } = merchant;
  const [changes, rates] = await Promise.all([
    platform.rates.executedRateChangesOf(db, { merchantId, feePlanId, limit: HISTORY_LIMIT }),
    platform.rates.ratesOfMerchant(db, { merchantId, feePlanId }),
  ]);
  const now = deps.services.clock.now();
  const byService = ratesByService(rates);
  const listed = changes.flatMap((row) => {
    const feeRateId = (row.result as { feeRateId?: unknown } | null)?.feeRateId;
    const rate = rates.find((r) => r.id === feeRateId);
    if (!rate) return [];
    const serviceRates = byService.get(rate.service) ?? [];
    const own = serviceRates.filter((r) => r.scope === 'merchant');
    if (rate.scope === 'plan' && !planRateApplies(rate.effectiveFrom, own)) return [];
    const previous = rateInForce(serviceRates, new Date(rate.effectiveFrom.getTime() - 1));
    return [
      {
        id: row.id,
        applicationNo: row.applicationNo,
        service: rate.service,
        ...rateBody(rate),
        previousRate: previous ? rateBody(previous) : null,
        announcedAt: (row.executedAt ?? row.submittedAt).toISOString(),
        state: rateChangeState(rate, serviceRates, now),
      },
    ];
  });
  // The latest effective time first: what comes next, then what is in force, then the past.
  return listed.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
}
