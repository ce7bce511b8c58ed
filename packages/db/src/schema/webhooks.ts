// Outgoing webhooks (migration 0022) and the virtual terminals of API payments (0023).
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { merchants } from './index.ts';
import { notifications } from './platform.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookEndpoints = pgTable('webhook_endpoint', {
  id: uuid('id').primaryKey(),
  merchantId: uuid('merchant_id')
    .notNull()
    .references(() => merchants.id),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events').array().notNull(),
  status: text('status').notNull(),
  createdAt: at('created_at').notNull(),
  disabledAt: at('disabled_at'),
});

export const webhookDeliveries = pgTable('webhook_delivery', {
  id: uuid('id').primaryKey(),
  endpointId: uuid('endpoint_id')
    .notNull()
    .references(() => webhookEndpoints.id),
  merchantId: uuid('merchant_id')
    .notNull()
    .references(() => merchants.id),
  notificationId: uuid('notification_id')
    .notNull()
    .references(() => notifications.id),
  event: text('event').notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts')
    .notNull()
    .default(sql`0`),
  nextAttemptAt: at('next_attempt_at').notNull(),
  lastAttemptAt: at('last_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: at('created_at').notNull(),
  deliveredAt: at('delivered_at'),
});

/** A merchant's virtual terminal for API payments (migration 0023). */
export const apiTerminals = pgTable('api_terminal', {
  merchantId: uuid('merchant_id')
    .primaryKey()
    .references(() => merchants.id),
  terminalId: text('terminal_id').notNull().unique(),
  nextVoucherNo: integer('next_voucher_no').notNull(),
});
