// Rate changes (调价): ops or finance propose one for a fee plan or a merchant (maker), another of
// them approves it through the generic review routes (checker; the handler is registered here);
// staff list them, and a merchant reads every change that reaches it, announced or past.
import {
  ApplicationBody,
  ApplicationList,
  ErrorBody,
  MerchantRateChange,
  MerchantRateChangeList,
  RateChangeListQuery,
  RateChangePayload,
  RateChangeRequest,
} from '@shoudan/contracts';
import { planRateApplies, rateChangeState, rateInForce } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import { rateChangeHandler, submitRateChange } from '../services/rate-changes.ts';
import { rateBody, ratesByService } from '../services/rate-view.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('rate_change', rateChangeHandler);

const PROPOSER_ROLES = ['ops', 'finance'] as const;
const READER_ROLES = ['reviewer', 'support', 'ops', 'finance'] as const;

export const registerRateChangeRoutes: RegisterRoutes = (app, deps) => {
  registerStaffSide(app, deps);
  app.get(
    '/v1/merchant/rate-changes',
    {
      schema: {
        tags: ['rates'],
        summary: 'Every rate change announced for the merchant: upcoming, in force and past',
        response: { 200: MerchantRateChangeList },
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
        querystring: RateChangeListQuery,
        response: { 200: ApplicationList },
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
async function rateChangesOf(deps: HttpDeps, merchantId: string): Promise<MerchantRateChange[]> {
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
