// The database schema (drizzle): the single source of the SQL migrations in ../../migrations.
// Every table that belongs to a merchant carries merchant_id (the future distribution key).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'bigint' });

export const feePlans = pgTable('fee_plan', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: at('created_at').notNull(),
});

export const merchants = pgTable(
  'merchant',
  {
    id: uuid('id').primaryKey(),
    merchantNo: text('merchant_no').notNull().unique(),
    name: text('name').notNull(),
    merchantType: text('merchant_type').notNull(),
    status: text('status').notNull(),
    feePlanId: uuid('fee_plan_id')
      .notNull()
      .references(() => feePlans.id),
    createdAt: at('created_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [
    check('merchant_no_format', sql`${t.merchantNo} ~ '^[0-9]{15}$'`),
    check('merchant_type_known', sql`${t.merchantType} in ('individual', 'enterprise')`),
    check(
      'merchant_status_known',
      sql`${t.status} in ('pending', 'active', 'suspended', 'closed')`,
    ),
  ],
);

export const merchantServices = pgTable(
  'merchant_service',
  {
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    service: text('service').notNull(),
    status: text('status').notNull(),
    changedAt: at('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.service] }),
    check(
      'service_known',
      sql`${t.service} in ('card_debit', 'card_credit', 'unionpay_qr', 'wechat_pay', 'alipay',
        'd0_settlement', 'pre_authorization')`,
    ),
    check('service_status_known', sql`${t.status} in ('active', 'suspended', 'revoked')`),
  ],
);

export const feeRates = pgTable(
  'fee_rate',
  {
    id: uuid('id').primaryKey(),
    feePlanId: uuid('fee_plan_id').references(() => feePlans.id),
    merchantId: uuid('merchant_id').references(() => merchants.id),
    service: text('service').notNull(),
    rateBps: integer('rate_bps').notNull(),
    capFen: fen('cap_fen'),
    effectiveFrom: at('effective_from').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('fee_rate_owner', sql`(${t.feePlanId} is null) <> (${t.merchantId} is null)`),
    check('fee_rate_bounds', sql`${t.rateBps} >= 0 and ${t.rateBps} <= 10000`),
    check('fee_cap_positive', sql`${t.capFen} is null or ${t.capFen} >= 0`),
    index('fee_rate_plan_idx').on(t.feePlanId, t.service, t.effectiveFrom),
    index('fee_rate_merchant_idx').on(t.merchantId, t.service, t.effectiveFrom),
  ],
);

export const terminals = pgTable(
  'terminal',
  {
    terminalId: text('terminal_id').primaryKey(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    serialNo: text('serial_no').notNull().unique(),
    status: text('status').notNull(),
    frozenReason: text('frozen_reason'),
    currentBatchNo: integer('current_batch_no').notNull(),
    signedInAt: at('signed_in_at'),
    signedOffAt: at('signed_off_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('terminal_id_format', sql`${t.terminalId} ~ '^[0-9A-Za-z]{8}$'`),
    check(
      'terminal_status_known',
      sql`${t.status} in ('pending_activation', 'active', 'frozen', 'deactivated')`,
    ),
    check('terminal_batch_range', sql`${t.currentBatchNo} between 1 and 999999`),
    index('terminal_merchant_idx').on(t.merchantId),
    unique('terminal_merchant_unique').on(t.terminalId, t.merchantId),
  ],
);

export const terminalBatches = pgTable(
  'terminal_batch',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.terminalId),
    batchNo: integer('batch_no').notNull(),
    merchantId: uuid('merchant_id').notNull(),
    status: text('status').notNull(),
    openedAt: at('opened_at').notNull(),
    settledAt: at('settled_at'),
    hostTotals: jsonb('host_totals'),
    terminalTotals: jsonb('terminal_totals'),
    balanced: boolean('balanced'),
  },
  (t) => [
    primaryKey({ columns: [t.terminalId, t.batchNo] }),
    check('batch_status_known', sql`${t.status} in ('open', 'settled')`),
  ],
);

export const businessDates = pgTable(
  'business_date',
  {
    businessDate: date('business_date', { mode: 'string' }).primaryKey(),
    status: text('status').notNull(),
    cutOffAt: at('cut_off_at'),
    settledAt: at('settled_at'),
  },
  (t) => [check('business_date_status_known', sql`${t.status} in ('open', 'cut_off', 'settled')`)],
);

/** Retrieval reference numbers (参考号): twelve digits, unique per acquirer. */
export const rrnSequence = pgSequence('rrn_seq', {
  startWith: 1,
  maxValue: 999999999999,
  cycle: true,
});

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    merchantId: uuid('merchant_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    batchNo: integer('batch_no').notNull(),
    voucherNo: integer('voucher_no').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    outcomeCode: text('outcome_code'),
    amountFen: fen('amount_fen').notNull(),
    feeFen: fen('fee_fen').notNull(),
    feeRateBps: integer('fee_rate_bps'),
    service: text('service'),
    paymentMethod: text('payment_method').notNull(),
    panMasked: text('pan_masked'),
    cardOrg: text('card_org'),
    rrn: text('rrn')
      .notNull()
      .unique()
      .default(sql`lpad(nextval('rrn_seq')::text, 12, '0')`),
    authCode: text('auth_code'),
    originalId: uuid('original_id'),
    refundedFen: fen('refunded_fen')
      .notNull()
      .default(sql`0`),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    requestHash: text('request_hash'),
    createdAt: at('created_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [
    // A transaction is its terminal's, and its merchant is that terminal's merchant.
    foreignKey({
      name: 'transactions_terminal_merchant_fk',
      columns: [t.terminalId, t.merchantId],
      foreignColumns: [terminals.terminalId, terminals.merchantId],
    }),
    unique('transactions_request_key').on(t.terminalId, t.batchNo, t.voucherNo),
    check('transactions_kind_known', sql`${t.kind} in ('sale', 'void', 'refund')`),
    check(
      'transactions_status_known',
      sql`${t.status} in ('approved', 'declined', 'voided', 'reversed')`,
    ),
    check('transactions_amount_positive', sql`${t.amountFen} > 0`),
    check('transactions_fee_range', sql`${t.feeFen} >= 0 and ${t.feeFen} <= ${t.amountFen}`),
    check(
      'transactions_refunded_range',
      sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.amountFen}`,
    ),
    check(
      'transactions_pan_masked',
      sql`${t.panMasked} is null or ${t.panMasked} ~ '^[0-9]{6}\\*+[0-9]{4}$'`,
    ),
    index('transactions_merchant_date_idx').on(t.merchantId, t.businessDate),
    index('transactions_date_idx').on(t.businessDate, t.kind, t.status),
  ],
);

export const merchantSettlements = pgTable(
  'merchant_settlement',
  {
    id: uuid('id').primaryKey(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    saleCount: integer('sale_count').notNull(),
    grossFen: fen('gross_fen').notNull(),
    feeFen: fen('fee_fen').notNull(),
    refundCount: integer('refund_count').notNull(),
    refundFen: fen('refund_fen').notNull(),
    d0FeeFen: fen('d0_fee_fen').notNull(),
    carriedInFen: fen('carried_in_fen').notNull(),
    netFen: fen('net_fen').notNull(),
    payoutFen: fen('payout_fen').notNull(),
    carriedOutFen: fen('carried_out_fen').notNull(),
    settlementMode: text('settlement_mode').notNull(),
    payableDate: date('payable_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    unique('merchant_settlement_once').on(t.merchantId, t.businessDate),
    check('settlement_mode_known', sql`${t.settlementMode} in ('t1', 'd0')`),
    check('settlement_status_known', sql`${t.status} in ('payable', 'paid')`),
    check(
      'settlement_adds_up',
      sql`${t.netFen} = ${t.carriedInFen} + ${t.grossFen} - ${t.feeFen} - ${t.refundFen}
          - ${t.d0FeeFen}
        and ${t.payoutFen} = greatest(${t.netFen}, 0)
        and ${t.carriedOutFen} = least(${t.netFen}, 0)`,
    ),
  ],
);

/**
 * A journal entry with its lines: line i is (line_accounts[i], line_merchant_ids[i],
 * line_amounts_fen[i]), debits positive, credits negative. The lines live in their entry's row,
 * so an entry is written and checked whole: the CHECK refuses one that does not balance, has
 * fewer than two lines, a zero or unknown line, or a line of another merchant than its own.
 */
export const journalEntries = pgTable(
  'journal_entry',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    merchantId: uuid('merchant_id'),
    transactionId: uuid('transaction_id'),
    settlementId: uuid('settlement_id'),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    createdAt: at('created_at').notNull(),
    lineAccounts: text('line_accounts').array().notNull(),
    lineMerchantIds: uuid('line_merchant_ids').array().notNull(),
    lineAmountsFen: fen('line_amounts_fen').array().notNull(),
  },
  (t) => [
    check(
      'journal_entry_lines_valid',
      sql`journal_lines_valid(${t.merchantId}, ${t.lineAccounts}, ${t.lineMerchantIds},
        ${t.lineAmountsFen})`,
    ),
    index('journal_entry_transaction_idx').on(t.transactionId),
    index('journal_entry_merchant_idx').on(t.merchantId),
  ],
);

const isNull = (column: AnyPgColumn) => sql`(${column} is null)`;

/** A key column holds the security module's KeyUnderLmk of `usage`, never a clear key. */
function wrappedKey(column: AnyPgColumn, usage: string) {
  const usageIs = sql`${column}->>'usage' = ${sql.raw(`'${usage}'`)}`;
  return sql`(${usageIs} and ${column}->>'cryptogram' is not null)`;
}

/**
 * Terminal keys, only ever as cryptograms under the LMK (the security module's KeyUnderLmk
 * objects): the master key loaded into the terminal, and the working keys of its last sign-in.
 */
export const terminalKeys = pgTable(
  'terminal_key',
  {
    terminalId: text('terminal_id')
      .primaryKey()
      .references(() => terminals.terminalId),
    tmk: jsonb('tmk').notNull(),
    pik: jsonb('pik'),
    mak: jsonb('mak'),
    tdk: jsonb('tdk'),
    macAlgorithm: text('mac_algorithm').notNull().default('cup-ecb'),
    signInCode: text('sign_in_code'),
    keysIssuedAt: at('keys_issued_at'),
    tmkLoadedAt: at('tmk_loaded_at').notNull(),
  },
  (t) => [
    check('terminal_key_mac_algorithm_known', sql`${t.macAlgorithm} in ('cup-ecb', 'x919')`),
    check('terminal_key_tmk_wrapped', wrappedKey(t.tmk, 'tmk')),
    check('terminal_key_pik_wrapped', sql`${t.pik} is null or ${wrappedKey(t.pik, 'pik')}`),
    check('terminal_key_mak_wrapped', sql`${t.mak} is null or ${wrappedKey(t.mak, 'mak')}`),
    check('terminal_key_tdk_wrapped', sql`${t.tdk} is null or ${wrappedKey(t.tdk, 'tdk')}`),
    // Working keys come and go together, with the instant they were issued.
    check(
      'terminal_key_session_complete',
      sql`${isNull(t.pik)} = ${isNull(t.mak)} and ${isNull(t.mak)} = ${isNull(t.keysIssuedAt)}`,
    ),
  ],
);

/** Keys of the host itself under the LMK (the card network's zone PIN key), by name. */
export const hsmKeys = pgTable(
  'hsm_key',
  {
    name: text('name').primaryKey(),
    key: jsonb('key').notNull(),
    /** Check value of the LMK the key was wrapped under: a different LMK is refused at start. */
    masterKeyCheckValue: text('master_key_check_value').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [check('hsm_key_wrapped', sql`${t.key}->>'cryptogram' is not null`)],
);
/**
 * Reversals the card network did not take when sent, kept until it does (store and forward):
 * the server's scheduler tries each again at `next_attempt_at`.
 */
export const networkReversals = pgTable(
  'network_reversal',
  {
    ref: text('ref').primaryKey(),
    keptAt: at('kept_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    reversedAt: at('reversed_at'),
  },
  (t) => [
    check('network_reversal_attempts', sql`${t.attempts} >= 0`),
    index('network_reversal_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.reversedAt} is null`),
  ],
);
export * from './platform.ts';
export * from './webhooks.ts';
export * from './tickets.ts';
export * from './deregistration.ts';
export * from './onboarding.ts';
