// Support tickets (客服工单): merchant users open, list, read, reply to and close their own;
// support staff list them all (by status), read, answer and close them.
import type { FastifyRequest } from 'fastify';
import {
  ErrorBody,
  IdParams,
  OpenTicketRequest,
  SupportQueueQuery,
  TicketList,
  TicketListQuery,
  TicketReplyRequest,
  TicketWithMessages,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import {
  closeTicket,
  openTicket,
  replyToTicket,
  ticketBody,
  withMessages,
  type Author,
  type MerchantUser,
} from '../self-service/tickets.ts';
import type { App, RegisterRoutes } from './index.ts';

const SUPPORT = ['support'] as const;
const Refusals = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** A signed-in merchant user (tickets are written by people, not by secret keys). */
function merchantUserOf(request: FastifyRequest): MerchantUser {
  const me = merchantOf(request, { apiKeys: false });
  if (me.kind !== 'merchant_user') throw new OutcomeError({ code: 'forbidden' });
  return me;
}

export const registerTicketRoutes: RegisterRoutes = (app, deps) => {
  registerMerchantSide(app, deps);
  registerStaffSide(app, deps);
  registerConversation(app, deps, '/v1/merchant/tickets', merchantUserOf);
  registerConversation(app, deps, '/v1/ops/tickets', (request) => staffOf(request, SUPPORT));
};

function registerMerchantSide(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/merchant/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Open a support ticket, optionally about a transaction or a terminal',
        body: OpenTicketRequest,
        response: { 201: TicketWithMessages, ...Refusals },
      },
    },
    async (request, reply) => {
      const merchant = merchantUserOf(request);
      return inTransaction(deps, request, reply, async (tx) => {
        const row = await openTicket(deps, tx, request, { merchant, ...request.body });
        return { status: 201, body: await withMessages(tx, row) };
      });
    },
  );
  app.get(
    '/v1/merchant/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: "The merchant's tickets, newest first",
        querystring: TicketListQuery,
        response: { 200: TicketList },
      },
    },
    async (request) => {
      const me = merchantUserOf(request);
      const rows = await platform.tickets.listTickets(deps.services.db, {
        ...request.query,
        merchantId: me.merchantId,
      });
      return { data: rows.map(ticketBody) };
    },
  );
  app.get(
    '/v1/merchant/tickets/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One ticket with its messages',
        params: IdParams,
        response: { 200: TicketWithMessages, 404: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantUserOf(request);
      const db = deps.services.db;
      const row = await platform.tickets.findTicket(db, request.params.id, me.merchantId);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return withMessages(db, row);
    },
  );
}

function registerStaffSide(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/ops/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Support queue: tickets by status and merchant, newest first',
        querystring: SupportQueueQuery,
        response: { 200: TicketList },
      },
    },
    async (request) => {
      staffOf(request, SUPPORT);
      const rows = await platform.tickets.listTickets(deps.services.db, request.query);
      return { data: rows.map(ticketBody) };
    },
  );
  app.get(
    '/v1/ops/tickets/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'One ticket with its messages',
        params: IdParams,
        response: { 200: TicketWithMessages, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, SUPPORT);
      const db = deps.services.db;
      const row = await platform.tickets.findTicket(db, request.params.id);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return withMessages(db, row);
    },
  );
}

/** Reply and close, the same for both sides; `authorOf` is the side's guard. */
function registerConversation(
  app: App,
  deps: HttpDeps,
  base: string,
  authorOf: (request: FastifyRequest) => Author,
): void {
  app.post(
    `${base}/:id/messages`,
    {
      schema: {
        tags: ['tickets'],
        summary: 'Reply to a ticket',
        params: IdParams,
        body: TicketReplyRequest,
        response: { 200: TicketWithMessages, ...Refusals },
      },
    },
    async (request, reply) => {
      const author = authorOf(request);
      return inTransaction(deps, request, reply, async (tx) => {
        const { id } = request.params;
        const row = await replyToTicket(deps, tx, request, { id, author, body: request.body.body });
        return { status: 200, body: await withMessages(tx, row) };
      });
    },
  );
  app.post(
    `${base}/:id/close`,
    {
      schema: {
        tags: ['tickets'],
        summary: 'Close a ticket',
        params: IdParams,
        response: { 200: TicketWithMessages, ...Refusals },
      },
    },
    async (request, reply) => {
      const author = authorOf(request);
      return inTransaction(deps, request, reply, async (tx) => {
        const row = await closeTicket(deps, tx, request, { id: request.params.id, author });
        return { status: 200, body: await withMessages(tx, row) };
      });
    },
  );
}
