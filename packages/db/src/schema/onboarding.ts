// Onboarding (进件) and terminal inventory (migration 0021): the applicant's private part of an
// onboarding application, the documents they upload, and the devices from stock to delivery.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications, merchants, merchantUsers, terminals } from './index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What an onboarding application's payload does not show: the SHA-256 of the token its applicant
 * follows it with, and the full numbers the payload masks. No route answers with these numbers.
 */
export const onboardingApplicants = pgTable(
  'onboarding_applicant',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    tokenHash: text('token_hash').notNull(),
    phone: text('phone').notNull(),
    idCardNo: text('id_card_no').notNull(),
    settlementAccountNo: text('settlement_account_no').notNull(),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    ownerUserId: uuid('owner_user_id').references(() => merchantUsers.id),
    passwordSetAt: at('password_set_at'),
    resubmittedAs: uuid('resubmitted_as').references(() => applications.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('onboarding_applicant_token_hash_format', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check('onboarding_applicant_phone_format', sql`${t.phone} ~ '^1[3-9][0-9]{9}$'`),
    check(
      'onboarding_applicant_password_after_owner',
      sql`${t.passwordSetAt} is null or ${t.ownerUserId} is not null`,
    ),
  ],
);

export const onboardingDocuments = pgTable(
  'onboarding_document',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storedPath: text('stored_path').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
  },
  (t) => [
    check(
      'onboarding_document_kind_known',
      sql`${t.kind} in ('id_card_front', 'id_card_back', 'business_licence', 'bank_card',
        'shop_photo')`,
    ),
    check(
      'onboarding_document_type_known',
      sql`${t.contentType} in ('image/jpeg', 'image/png', 'application/pdf')`,
    ),
    check('onboarding_document_size_positive', sql`${t.sizeBytes} > 0`),
    check('onboarding_document_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('onboarding_document_application_idx').on(t.applicationId, t.uploadedAt),
  ],
);

/** A device (POS机) by its serial number: in stock → allocated → shipped → delivered. */
export const terminalInventory = pgTable(
  'terminal_inventory',
  {
    serialNo: text('serial_no').primaryKey(),
    model: text('model').notNull(),
    status: text('status').notNull(),
    terminalId: text('terminal_id')
      .unique()
      .references(() => terminals.terminalId),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    applicationId: uuid('application_id').references(() => applications.id),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    addedAt: at('added_at').notNull(),
    allocatedAt: at('allocated_at'),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    check(
      'terminal_inventory_status_known',
      sql`${t.status} in ('in_stock', 'allocated', 'shipped', 'delivered')`,
    ),
    check('terminal_inventory_serial_format', sql`${t.serialNo} ~ '^[0-9A-Za-z-]{4,32}$'`),
    check(
      'terminal_inventory_allocated',
      sql`(${t.status} = 'in_stock') = (${t.terminalId} is null)
        and (${t.terminalId} is null) = (${t.merchantId} is null)
        and (${t.terminalId} is null) = (${t.allocatedAt} is null)`,
    ),
    check(
      'terminal_inventory_shipped',
      sql`(${t.status} in ('shipped', 'delivered')) = (${t.shippedAt} is not null)
        and (${t.shippedAt} is null) = (${t.carrier} is null)
        and (${t.shippedAt} is null) = (${t.trackingNo} is null)`,
    ),
    check(
      'terminal_inventory_delivered',
      sql`(${t.status} = 'delivered') = (${t.deliveredAt} is not null)`,
    ),
    index('terminal_inventory_status_idx').on(t.status, t.addedAt),
    index('terminal_inventory_application_idx').on(t.applicationId),
  ],
);
