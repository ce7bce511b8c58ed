// Support tickets (客服工单): a merchant user opens one (optionally about one of its own
// transactions or terminals), support staff answer, either side replies or closes. Each step is
// one transaction with its audit row; the merchant is notified of answers and closings by staff.
import type { FastifyRequest } from 'fastify';
import type { TicketBody, TicketMessageBody, TicketWithMessages } from '@shoudan/contracts';
import { businessDateOf } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import type { Principal, StaffPrincipal } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';

type TicketRow = platform.tickets.TicketRow;
type MessageRow = platform.tickets.TicketMessageRow;
export function ticketBody(row: TicketRow): TicketBody {
  return {
    id: row.id,
    ticketNo: row.ticketNo,
    merchantId: row.merchantId,
    subject: row.subject,
    status: row.status as TicketBody['status'],
    transactionId: row.transactionId,
    terminalId: row.terminalId,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

function messageBody(row: MessageRow): TicketMessageBody {
  return {
    id: row.id,
    authorKind: row.authorKind as 'merchant_user' | 'staff',
    authorName: row.authorName,
    body: row.body,
    at: row.at.toISOString(),
  };
}

/** The ticket with its conversation, oldest message first. */
export async function withMessages(db: Db, row: TicketRow): Promise<TicketWithMessages> {
  const messages = await platform.tickets.ticketMessagesOf(db, row.id);
  return { ...ticketBody(row), messages: messages.map(messageBody) };
}

/** A person: tickets are written by merchant users and staff, never by a secret key. */
export type MerchantUser = Extract<Principal, { kind: 'merchant_user' }>;
export type Author = MerchantUser | StaffPrincipal;

export type OpenTicketInput = {
  readonly merchant: MerchantUser;
  readonly subject: string;
  readonly body: string;
  readonly transactionId?: string | undefined;
  readonly terminalId?: string | undefined;
};

/**
 * Opens a ticket with its first message. Outcome: `not_found` naming `transactionId` or
 * `terminalId` when it is not one of the merchant's.
 */
export async function openTicket(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: OpenTicketInput,
): Promise<TicketRow> {
  const { merchantId } = input.merchant;
  if (input.transactionId) {
    const found = await platform.transactions.findTransaction(tx, merchantId, input.transactionId);
    if (!found) throw new OutcomeError({ code: 'not_found', param: 'transactionId' });
  }
  if (input.terminalId) {
    const found = await platform.terminals.findTerminal(tx, merchantId, input.terminalId);
    if (!found) throw new OutcomeError({ code: 'not_found', param: 'terminalId' });
  }
  const at = deps.services.clock.now();
  const date = businessDateOf(at, deps.services.config.cutoffTime).replaceAll('-', '');
  const seq = await platform.tickets.nextTicketSeq(tx);
  const row: TicketRow = {
    id: deps.ids.next(),
    ticketNo: `T${date}${String(seq).padStart(6, '0')}`,
    merchantId,
    subject: input.subject,
    status: 'open',
    transactionId: input.transactionId ?? null,
    terminalId: input.terminalId ?? null,
    createdAt: at,
    closedAt: null,
  };
  await platform.tickets.insertTicket(tx, row);
  await addMessage(deps, tx, { ticket: row, author: input.merchant, body: input.body, at });
  await audit(deps, tx, request, {
    action: 'ticket.opened',
    objectType: 'ticket',
    objectId: row.id,
    merchantId,
    detail: { ticketNo: row.ticketNo, subject: row.subject },
  });
  return row;
}

async function addMessage(
  deps: HttpDeps,
  tx: Db,
  input: { ticket: TicketRow; author: Author; body: string; at: Date },
): Promise<void> {
  await platform.tickets.insertTicketMessage(tx, {
    id: deps.ids.next(),
    ticketId: input.ticket.id,
    merchantId: input.ticket.merchantId,
    authorKind: input.author.kind,
    authorId: input.author.id,
    authorName: input.author.name,
    body: input.body,
    at: input.at,
  });
}

/** The ticket under its lock (the merchant's own for a merchant author), not closed. */
async function openTicketOf(tx: Db, id: string, author: Author): Promise<TicketRow> {
  const merchantId = author.kind === 'staff' ? undefined : author.merchantId;
  const ticket = await platform.tickets.lockTicket(tx, id, merchantId);
  if (!ticket) throw new OutcomeError({ code: 'not_found', param: 'id' });
  if (ticket.status === 'closed') throw new OutcomeError({ code: 'ticket_closed' });
  return ticket;
}

/**
 * A reply: from staff the ticket becomes `answered` (and the merchant is notified), from the
 * merchant `open` again (waiting for support). Outcomes: `not_found`, `ticket_closed`.
 */
export async function replyToTicket(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: { readonly id: string; readonly author: Author; readonly body: string },
): Promise<TicketRow> {
  const ticket = await openTicketOf(tx, input.id, input.author);
  const at = deps.services.clock.now();
  const status = input.author.kind === 'staff' ? 'answered' : 'open';
  await addMessage(deps, tx, { ticket, author: input.author, body: input.body, at });
  await platform.tickets.setTicketStatus(tx, { id: ticket.id, status, closedAt: null });
  await audit(deps, tx, request, {
    action: 'ticket.replied',
    objectType: 'ticket',
    objectId: ticket.id,
    merchantId: ticket.merchantId,
    detail: { ticketNo: ticket.ticketNo, status },
  });
  if (input.author.kind === 'staff') await notify(deps, tx, ticket, 'answered');
  return { ...ticket, status };
}

/** Closes the ticket. Outcomes: `not_found`, `ticket_closed` (already closed). */
export async function closeTicket(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: { readonly id: string; readonly author: Author },
): Promise<TicketRow> {
  const ticket = await openTicketOf(tx, input.id, input.author);
  const at = deps.services.clock.now();
  await platform.tickets.setTicketStatus(tx, { id: ticket.id, status: 'closed', closedAt: at });
  await audit(deps, tx, request, {
    action: 'ticket.closed',
    objectType: 'ticket',
    objectId: ticket.id,
    merchantId: ticket.merchantId,
    detail: { ticketNo: ticket.ticketNo, previousStatus: ticket.status },
  });
  if (input.author.kind === 'staff') await notify(deps, tx, ticket, 'closed');
  return { ...ticket, status: 'closed', closedAt: at };
}

async function notify(
  deps: HttpDeps,
  tx: Db,
  ticket: TicketRow,
  what: 'answered' | 'closed',
): Promise<void> {
  const zh = what === 'answered' ? '客服已回复' : '客服已关闭';
  await platform.notifications.insertNotification(tx, {
    id: deps.ids.next(),
    merchantId: ticket.merchantId,
    at: deps.services.clock.now(),
    kind: `ticket.${what}`,
    title: `工单${zh}`,
    body: `工单 ${ticket.ticketNo}「${ticket.subject}」${zh}。`,
    detail: { ticketId: ticket.id, ticketNo: ticket.ticketNo, status: what },
    readAt: null,
  });
}
