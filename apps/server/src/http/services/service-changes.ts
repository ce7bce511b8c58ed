// Revoking (撤销服务) and activating (开通服务) a merchant's services: the checks made when the
// merchant applies and again when a reviewer approves, under the merchant's lock, and the change
// an approval makes. The engine reads the services afresh under its terminal lock before it
// records a sale, so the very next payment follows the new status.
import type { FastifyRequest } from 'fastify';
import {
  assert,
  checkServiceChange,
  SERVICE_CHANGES,
  servicesOfPayload,
  type Service,
  type ServiceChange,
  type ServiceChangeRefusal,
} from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationHandler, ApplicationRow } from '../applications/handlers.ts';
import { submitApplication } from '../applications/submit.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';

export type ServiceChangeInput = {
  readonly change: ServiceChange;
  readonly merchantId: string;
  readonly services: readonly Service[];
  readonly reason: string;
};

/**
 * Checks and records the application. Outcomes: `not_found`, `merchant_closed`,
 * `service_not_revocable`, `service_already_active`, `application_already_open` (the last three
 * with `param` naming the service's place in `services`).
 */
export async function submitServiceChange(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: ServiceChangeInput,
): Promise<ApplicationRow> {
  await checkedStatuses(tx, {
    change: input.change,
    merchantId: input.merchantId,
    services: input.services,
    applicationId: null,
  });
  return submitApplication(deps, tx, request, {
    kind: SERVICE_CHANGES[input.change].kind,
    merchantId: input.merchantId,
    reason: input.reason,
    payload: { services: [...input.services] },
  });
}

/** Who reviews a revocation or an activation, its re-check at approval, and its change. */
export function serviceChangeHandler(change: ServiceChange): ApplicationHandler {
  const to = SERVICE_CHANGES[change].to;
  return {
    reviewers: ['reviewer', 'ops'],
    async recheck({ tx, application }) {
      await checkedStatuses(tx, { change, ...factsOf(application) });
    },
    async execute({ tx, application, at, request }) {
      const { merchantId, services } = factsOf(application);
      // Read after the re-check, under the merchant's lock it took.
      const rows = await platform.services.listServices(tx, merchantId);
      const before = new Map(rows.map((r) => [r.service, r.status] as const));
      await platform.services.setServiceStatuses(tx, { merchantId, services, status: to, at });
      const changed = services.map((service) => ({
        service,
        from: before.get(service) ?? 'not_activated',
        to,
      }));
      const event = change === 'revoke' ? 'service.revoked' : 'service.activated';
      request.log.info({ event, merchantId, services });
      return { services: changed, changedAt: at.toISOString() };
    },
  };
}

function factsOf(application: ApplicationRow) {
  assert(application.merchantId !== null, 'a service change belongs to a merchant');
  return {
    merchantId: application.merchantId,
    services: servicesOfPayload(application.payload),
    applicationId: application.id,
  };
}

/**
 * Locks the merchant and checks the change against its services and the other open
 * applications (not `applicationId`'s own).
 */
async function checkedStatuses(
  tx: Db,
  input: {
    readonly change: ServiceChange;
    readonly merchantId: string;
    readonly services: readonly Service[];
    readonly applicationId: string | null;
  },
): Promise<void> {
  const merchant = await platform.services.lockMerchant(tx, input.merchantId);
  if (!merchant) throw new OutcomeError({ code: 'not_found' });
  if (merchant.status === 'closed') throw new OutcomeError({ code: 'merchant_closed' });
  const rows = await platform.services.listServices(tx, input.merchantId);
  const statuses = new Map(rows.map((r) => [r.service, r.status] as const));
  const others = await platform.services.openServiceApplications(tx, input.merchantId);
  const open = new Set(
    others.filter((a) => a.id !== input.applicationId).flatMap((a) => servicesOfPayload(a.payload)),
  );
  const checked = checkServiceChange(input.change, input.services, { statuses, open });
  if (!checked.ok) throw refusal(checked.outcome);
}

function refusal(outcome: ServiceChangeRefusal): OutcomeError {
  const index = outcome.detail?.['index'];
  return new OutcomeError({
    ...outcome,
    ...(typeof index === 'number' ? { param: `services.${index}` } : {}),
  });
}
