// A merchant's webhook endpoints (owner only) and each endpoint's delivery log. The signing
// secret is shown once, when the endpoint is made.
import { randomBytes } from 'node:crypto';
import {
  ErrorBody,
  IdParams,
  NoContent,
  Page,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointList,
  WebhookEndpointRequest,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import { merchantOf } from '../auth/principal.ts';
import { OutcomeError } from '../errors.ts';
import type { HttpDeps } from '../context.ts';
import type { App, RegisterRoutes } from './index.ts';

const owner = { roles: ['owner'] as const };

function endpointBody(row: platform.webhooks.WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.status as 'active' | 'disabled',
    createdAt: row.createdAt.toISOString(),
  };
}

export const registerWebhookRoutes: RegisterRoutes = (app, deps) => {
  registerEndpointRoutes(app, deps);
  registerDeliveryRoutes(app, deps);
};

function registerEndpointRoutes(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: "The merchant's webhook endpoints",
        response: { 200: WebhookEndpointList },
      },
    },
    async (request) => {
      const me = merchantOf(request, owner);
      const rows = await platform.webhooks.listEndpoints(deps.services.db, me.merchantId);
      return { data: rows.map(endpointBody) };
    },
  );
  app.post(
    '/v1/merchant/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Add an endpoint; every notification of its events is POSTed to it, signed',
        body: WebhookEndpointRequest,
        response: { 201: WebhookEndpointCreated },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, owner);
      const row = {
        id: deps.ids.next(),
        merchantId: me.merchantId,
        url: request.body.url,
        secret: `whsec_${randomBytes(24).toString('base64url')}`,
        events: [...new Set(request.body.events)],
        status: 'active',
        createdAt: deps.services.clock.now(),
        disabledAt: null,
      };
      await deps.services.db.transaction(async (tx) => {
        await platform.webhooks.insertEndpoint(tx, row);
        await audit(deps, tx, request, {
          action: 'webhook.created',
          objectType: 'webhook_endpoint',
          objectId: row.id,
          merchantId: me.merchantId,
          detail: { url: row.url, events: row.events },
        });
      });
      return reply.code(201).send({ ...endpointBody(row), secret: row.secret });
    },
  );
  registerDisableRoute(app, deps);
}

function registerDisableRoute(app: App, deps: HttpDeps): void {
  app.delete(
    '/v1/merchant/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Disable an endpoint (its log stays)',
        params: IdParams,
        response: { 204: NoContent, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, owner);
      const at = deps.services.clock.now();
      await deps.services.db.transaction(async (tx) => {
        const input = { merchantId: me.merchantId, id: request.params.id, at };
        if (!(await platform.webhooks.disableEndpoint(tx, input))) {
          throw new OutcomeError({ code: 'not_found', param: 'id' });
        }
        await audit(deps, tx, request, {
          action: 'webhook.disabled',
          objectType: 'webhook_endpoint',
          objectId: request.params.id,
          merchantId: me.merchantId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}

function registerDeliveryRoutes(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: "An endpoint's delivery log, newest first",
        params: IdParams,
        querystring: Page,
        response: { 200: WebhookDeliveryList, 404: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request, owner);
      const endpoint = { merchantId: me.merchantId, id: request.params.id };
      if (!(await platform.webhooks.findEndpoint(deps.services.db, endpoint))) {
        throw new OutcomeError({ code: 'not_found', param: 'id' });
      }
      const rows = await platform.webhooks.listDeliveries(deps.services.db, {
        merchantId: me.merchantId,
        endpointId: request.params.id,
        limit: request.query.limit,
      });
      const iso = (at: Date | null) => at?.toISOString() ?? null;
      return {
        data: rows.map((r) => ({
          id: r.id,
          event: r.event,
          status: r.status as 'pending' | 'delivered' | 'failed',
          attempts: r.attempts,
          nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
          lastAttemptAt: iso(r.lastAttemptAt),
          lastStatusCode: r.lastStatusCode,
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          deliveredAt: iso(r.deliveredAt),
        })),
      };
    },
  );
}
