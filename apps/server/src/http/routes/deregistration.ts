// Account deregistration (注销账户): the pre-check checklist, the application (only when every
// check passes), the merchant's view of it and its closure, and the staff view of a closure. The
// review goes through the generic routes with the handler registered here.
import {
  ApplicationBody,
  ChecklistBody,
  ClosureBody,
  DeregistrationRequest,
  DeregistrationView,
  ErrorBody,
  IdParams,
} from '@shoudan/contracts';
import { mayDeregister } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { applicationBody } from '../applications/body.ts';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { submitApplication } from '../applications/submit.ts';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { checklistBody, factsOf, refundEstimate } from '../deregistration/checklist.ts';
import { chargesOf, closureOf } from '../deregistration/closure.ts';
import { deregistrationHandler } from '../deregistration/execute.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('deregistration', deregistrationHandler);

const CLOSURE_READERS = ['reviewer', 'finance', 'support'] as const;

export const registerDeregistrationRoutes: RegisterRoutes = (app, deps) => {
  registerChecklist(app, deps);
  registerSubmit(app, deps);
  registerViews(app, deps);
};

function registerChecklist(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/deregistration/checklist',
    {
      schema: {
        tags: ['deregistration'],
        summary: 'The pre-checks of deregistration (注销账户), each with what to do',
        response: { 200: ChecklistBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request, { apiKeys: false });
      return checklistBody(deps.services.db, me.merchantId, deps.services.clock.now());
    },
  );
}

function registerSubmit(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/merchant/deregistration',
    {
      schema: {
        tags: ['deregistration'],
        summary: 'Apply to deregister the account; refused while a pre-check fails',
        body: DeregistrationRequest,
        response: { 201: ApplicationBody, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, { roles: ['owner'], apiKeys: false });
      return inTransaction(deps, request, reply, async (tx) => {
        // Outcomes: merchant_closed, deregistration_blocked, application_already_open.
        const decided = mayDeregister(await factsOf(tx, me.merchantId, false));
        if (!decided.ok) throw new OutcomeError(decided.outcome);
        const at = deps.services.clock.now();
        const row = await submitApplication(deps, tx, request, {
          kind: 'deregistration',
          merchantId: me.merchantId,
          reason: request.body.reason,
          payload: { refundEstimate: await refundEstimate(tx, me.merchantId, at) },
        });
        return { status: 201, body: applicationBody(row) };
      });
    },
  );
}

function registerViews(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/deregistration',
    {
      schema: {
        tags: ['deregistration'],
        summary: 'The latest deregistration application, the charges and, once closed, the closure',
        response: { 200: DeregistrationView, 403: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request, { apiKeys: false });
      const db = deps.services.db;
      const [latest] = await platform.applications.listApplications(db, {
        merchantId: me.merchantId,
        kinds: ['deregistration'],
        limit: 1,
      });
      return {
        application: latest ? applicationBody(latest) : null,
        charges: await chargesOf(db, me.merchantId),
        closure: (await closureOf(db, me.merchantId)) ?? null,
      };
    },
  );
  app.get(
    '/v1/ops/merchants/:id/closure',
    {
      schema: {
        tags: ['deregistration'],
        summary: "A closed merchant's closure record: refunds and their journal entries",
        params: IdParams,
        response: { 200: ClosureBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, CLOSURE_READERS);
      const closure = await closureOf(deps.services.db, request.params.id);
      if (!closure) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return closure;
    },
  );
}
