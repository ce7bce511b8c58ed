// The merchant platform's tables (migration 0018): users, sessions, API keys, idempotency keys,
// the append-only audit log, applications and notifications.
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { merchants } from './index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const merchantUsers = pgTable(
  'merchant_user',
  {
    id: uuid('id').primaryKey(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    phone: text('phone').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status').notNull(),
    failedLogins: integer('failed_logins')
      .notNull()
      .default(sql`0`),
    lockedUntil: at('locked_until'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('merchant_user_merchant_idx').on(t.merchantId)],
);

export const staffUsers = pgTable('staff_user', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull(),
  passwordHash: text('password_hash').notNull(),
  status: text('status').notNull(),
  failedLogins: integer('failed_logins')
    .notNull()
    .default(sql`0`),
  lockedUntil: at('locked_until'),
  createdAt: at('created_at').notNull(),
});

export const userSessions = pgTable('user_session', {
  tokenHash: text('token_hash').primaryKey(),
  userKind: text('user_kind').notNull(),
  userId: uuid('user_id').notNull(),
  merchantId: uuid('merchant_id').references(() => merchants.id),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  createdAt: at('created_at').notNull(),
  lastSeenAt: at('last_seen_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const apiKeys = pgTable('api_key', {
  id: uuid('id').primaryKey(),
  merchantId: uuid('merchant_id')
    .notNull()
    .references(() => merchants.id),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  createdAt: at('created_at').notNull(),
  lastUsedAt: at('last_used_at'),
  revokedAt: at('revoked_at'),
});

export const idempotencyKeys = pgTable(
  'idempotency_key',
  {
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.key] })],
);

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey(),
  at: at('at').notNull(),
  actorKind: text('actor_kind').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  merchantId: uuid('merchant_id'),
  action: text('action').notNull(),
  objectType: text('object_type').notNull(),
  objectId: text('object_id').notNull(),
  ip: text('ip'),
  detail: jsonb('detail').notNull(),
  /** The order rows were written in (migration 0023). */
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
});

export const applications = pgTable('application', {
  id: uuid('id').primaryKey(),
  applicationNo: text('application_no').notNull().unique(),
  kind: text('kind').notNull(),
  merchantId: uuid('merchant_id').references(() => merchants.id),
  status: text('status').notNull(),
  reason: text('reason').notNull(),
  payload: jsonb('payload').notNull(),
  submittedByKind: text('submitted_by_kind').notNull(),
  submittedBy: uuid('submitted_by'),
  submittedAt: at('submitted_at').notNull(),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: at('reviewed_at'),
  reviewComment: text('review_comment'),
  withdrawnAt: at('withdrawn_at'),
  executedAt: at('executed_at'),
  result: jsonb('result'),
});

export const notifications = pgTable('notification', {
  id: uuid('id').primaryKey(),
  merchantId: uuid('merchant_id')
    .notNull()
    .references(() => merchants.id),
  at: at('at').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  detail: jsonb('detail').notNull(),
  readAt: at('read_at'),
});
