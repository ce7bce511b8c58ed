// Service management (服务管理) on the merchant platform: the merchant's services with the rate in
// force and those to come, and applications to revoke (撤销服务) or activate (开通服务) some of
// them, reviewed through the generic review routes with the handlers registered here.
import {
  ApplicationBody,
  ErrorBody,
  ServiceBody,
  ServiceChangeRequest,
  ServiceList,
} from '@shoudan/contracts';
import {
  rateInForce,
  SERVICES,
  servicesOfPayload,
  upcomingRates,
  type Service,
  type ServiceChange,
  type ServiceState,
} from '@shoudan/core';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { merchantOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import { rateBody, ratesByService } from '../services/rate-view.ts';
import { serviceChangeHandler, submitServiceChange } from '../services/service-changes.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('service_revocation', serviceChangeHandler('revoke'));
registerApplicationHandler('service_activation', serviceChangeHandler('activate'));

export const registerServiceRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/services',
    {
      schema: {
        tags: ['services'],
        summary: "The merchant's services: status, rate in force, rates to come, open application",
        response: { 200: ServiceList },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      return { data: await servicesOf(deps, me.merchantId) };
    },
  );
  registerChangeRoute(app, deps, 'revoke');
  registerChangeRoute(app, deps, 'activate');
};

const CHANGE_ROUTES = {
  revoke: {
    url: '/v1/merchant/services/revocations',
    summary: 'Apply to revoke active services (撤销服务); they stay active until approved',
  },
  activate: {
    url: '/v1/merchant/services/activations',
    summary: 'Apply to activate services (开通服务), or re-activate revoked ones',
  },
} as const satisfies Record<ServiceChange, { url: string; summary: string }>;

function registerChangeRoute(app: App, deps: HttpDeps, change: ServiceChange): void {
  app.post(
    CHANGE_ROUTES[change].url,
    {
      schema: {
        tags: ['services'],
        summary: CHANGE_ROUTES[change].summary,
        body: ServiceChangeRequest,
        response: { 201: ApplicationBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, { roles: ['owner'], apiKeys: false });
      const { services, reason } = request.body;
      return inTransaction(deps, request, reply, async (tx) => {
        const row = await submitServiceChange(deps, tx, request, {
          change,
          merchantId: me.merchantId,
          services,
          reason,
        });
        return { status: 201, body: applicationBody(row) };
      });
    },
  );
}

async function servicesOf(deps: HttpDeps, merchantId: string): Promise<ServiceBody[]> {
  const db = deps.services.db;
  const merchant = await platform.services.findMerchant(db, merchantId);
  if (!merchant) throw new OutcomeError({ code: 'not_found' });
  const [rows, rates, open] = await Promise.all([
    platform.services.listServices(db, merchantId),
    platform.rates.ratesOfMerchant(db, { merchantId, feePlanId: merchant.feePlanId }),
    platform.services.openServiceApplications(db, merchantId),
  ]);
  const now = deps.services.clock.now();
  const byService = ratesByService(rates);
  return SERVICES.map((service: Service) => {
    const row = rows.find((r) => r.service === service);
    const serviceRates = byService.get(service) ?? [];
    const inForce = rateInForce(serviceRates, now);
    const application = open.find((a) => servicesOfPayload(a.payload).includes(service));
    return {
      service,
      status: (row?.status ?? 'not_activated') satisfies ServiceState,
      changedAt: row?.changedAt.toISOString() ?? null,
      rate: inForce ? rateBody(inForce) : null,
      upcomingRates: upcomingRates(serviceRates, now).map(rateBody),
      openApplication: application
        ? {
            id: application.id,
            applicationNo: application.applicationNo,
            kind: application.kind,
            status: application.status,
            submittedAt: application.submittedAt.toISOString(),
          }
        : null,
    };
  });
}
