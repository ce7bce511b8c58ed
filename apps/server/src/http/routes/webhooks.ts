// A merchant's webhook endpoints (owner only) and each endpoint's delivery log. The signing
// secret is shown once, when the endpoint is made.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import { merchantOf } from '../auth/principal.ts';
import { OutcomeError } from '../errors.ts';
import { ErrorBody, Id } from '../schemas.ts';
import type { HttpDeps } from '../context.ts';
import type { App, RegisterRoutes } from './index.ts';

const EventName = z
  .string()
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)*)$/, 'an event name such as application.executed, or *');

const Endpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});

const Delivery = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

const owner = { roles: ['owner'] as const };

function endpointBody(row: platform.webhooks.WebhookEndpointRow): z.infer<typeof Endpoint> {
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
        response: { 200: z.object({ data: z.array(Endpoint) }) },
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
        body: z.object({
          url: z.url({ protocol: /^https?$/ }).max(2048),
          events: z.array(EventName).min(1).max(50),
        }),
        response: { 201: Endpoint.extend({ secret: z.string() }) },
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
        params: z.object({ id: Id }),
        response: { 204: z.null(), 404: ErrorBody },
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
        params: z.object({ id: Id }),
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ data: z.array(Delivery) }) },
      },
    },
    async (request) => {
      const me = merchantOf(request, owner);
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
