// Account deregistration's tables (migration 0019): the charges a merchant paid (deposits and
// prepaid service fees) with their close-out, and the closure record of a closed merchant.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './platform.ts';
import { journalEntries, merchants } from './index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'bigint' });

export const merchantCharges = pgTable(
  'merchant_charge',
  {
    id: uuid('id').primaryKey(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind').notNull(),
    service: text('service'),
    amountFen: fen('amount_fen').notNull(),
    paidAt: at('paid_at').notNull(),
    coversFrom: date('covers_from', { mode: 'string' }),
    coversUntil: date('covers_until', { mode: 'string' }),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    refundFen: fen('refund_fen'),
    refundedAt: at('refunded_at'),
    refundEntryId: uuid('refund_entry_id').references(() => journalEntries.id),
  },
  (t) => [
    check('merchant_charge_kind_known', sql`${t.kind} in ('deposit', 'service_fee')`),
    check('merchant_charge_amount_positive', sql`${t.amountFen} > 0`),
    index('merchant_charge_merchant_idx').on(t.merchantId, t.paidAt),
  ],
);

export const merchantClosures = pgTable('merchant_closure', {
  merchantId: uuid('merchant_id')
    .primaryKey()
    .references(() => merchants.id),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => applications.id),
  closedAt: at('closed_at').notNull(),
  closedBy: uuid('closed_by').notNull(),
  depositRefundFen: fen('deposit_refund_fen').notNull(),
  feeRefundFen: fen('fee_refund_fen').notNull(),
  feeEarnedFen: fen('fee_earned_fen').notNull(),
  journalEntryIds: uuid('journal_entry_ids').array().notNull(),
  summary: jsonb('summary').notNull(),
});
