// Support tickets (客服工单): opening one, the lists, a ticket with its conversation, replies.
import { z } from 'zod';
import { Id, listOf, TerminalIdParam } from './common.ts';

export const TicketStatus = z.enum(['open', 'answered', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const MessageText = z.string().trim().min(1).max(4000);
export type MessageText = z.infer<typeof MessageText>;

export const OpenTicketRequest = z.object({
  subject: z.string().trim().min(1).max(200),
  body: MessageText,
  transactionId: Id.optional(),
  terminalId: TerminalIdParam.optional(),
});
export type OpenTicketRequest = z.infer<typeof OpenTicketRequest>;

export const TicketReplyRequest = z.object({ body: MessageText });
export type TicketReplyRequest = z.infer<typeof TicketReplyRequest>;

export const TicketListQuery = z.object({
  status: TicketStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/** The support queue: any merchant's tickets, or one's. */
export const SupportQueueQuery = TicketListQuery.extend({ merchantId: Id.optional() });
export type SupportQueueQuery = z.infer<typeof SupportQueueQuery>;

export const TicketMessageBody = z.object({
  id: z.string(),
  authorKind: z.enum(['merchant_user', 'staff']),
  authorName: z.string(),
  body: z.string(),
  at: z.string(),
});
export type TicketMessageBody = z.infer<typeof TicketMessageBody>;

export const TicketBody = z.object({
  id: z.string(),
  ticketNo: z.string(),
  merchantId: z.string(),
  subject: z.string(),
  status: TicketStatus,
  transactionId: z.string().nullable(),
  terminalId: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TicketBody = z.infer<typeof TicketBody>;

export const TicketList = listOf(TicketBody);
export type TicketList = z.infer<typeof TicketList>;

/** A ticket with its conversation, oldest message first. */
export const TicketWithMessages = TicketBody.extend({ messages: z.array(TicketMessageBody) });
export type TicketWithMessages = z.infer<typeof TicketWithMessages>;
