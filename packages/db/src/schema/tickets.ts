// Support tickets (客服工单) and their messages (migration 0020): a merchant's case, optionally
// about one of its transactions or terminals, answered by support staff.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { merchants, terminals, transactions } from './index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const supportTickets = pgTable(
  'support_ticket',
  {
    id: uuid('id').primaryKey(),
    ticketNo: text('ticket_no').notNull().unique(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    subject: text('subject').notNull(),
    status: text('status').notNull(),
    transactionId: uuid('transaction_id').references(() => transactions.id),
    terminalId: text('terminal_id'),
    createdAt: at('created_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [
    check('support_ticket_status_known', sql`${t.status} in ('open', 'answered', 'closed')`),
    check('support_ticket_closed_at', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('support_ticket_subject_length', sql`char_length(${t.subject}) between 1 and 200`),
    foreignKey({
      name: 'support_ticket_terminal_fk',
      columns: [t.terminalId, t.merchantId],
      foreignColumns: [terminals.terminalId, terminals.merchantId],
    }),
    index('support_ticket_merchant_idx').on(t.merchantId, t.createdAt),
    index('support_ticket_queue_idx').on(t.status, t.createdAt),
  ],
);

export const ticketMessages = pgTable(
  'ticket_message',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => supportTickets.id),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    authorKind: text('author_kind').notNull(),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    at: at('at').notNull(),
  },
  (t) => [
    check('ticket_message_author_kind_known', sql`${t.authorKind} in ('merchant_user', 'staff')`),
    check('ticket_message_body_length', sql`char_length(${t.body}) between 1 and 4000`),
    index('ticket_message_ticket_idx').on(t.ticketId, t.at),
  ],
);
