// Mapping between database rows and domain records; raw SQL results differ by driver (node-postgres
// gives int8 as strings, PGlite as numbers or bigints), so every value is normalised here.
import type {
  TransactionRecord,
  TransactionKind,
  TransactionStatus,
  Service,
  PaymentMethod,
  OutcomeCode,
} from '@shoudan/core';
import type { transactions } from '../schema/index.ts';

export type TransactionRow = typeof transactions.$inferSelect;

export function toRecord(row: TransactionRow): TransactionRecord {
  return {
    id: row.id,
    merchantId: row.merchantId,
    terminalId: row.terminalId,
    batchNo: row.batchNo,
    voucherNo: row.voucherNo,
    kind: row.kind as TransactionKind,
    status: row.status as TransactionStatus,
    outcomeCode: row.outcomeCode as OutcomeCode | null,
    amountFen: row.amountFen,
    feeFen: row.feeFen,
    feeRateBps: row.feeRateBps,
    service: row.service as Service | null,
    paymentMethod: row.paymentMethod as PaymentMethod,
    panMasked: row.panMasked,
    cardOrg: row.cardOrg,
    rrn: row.rrn,
    authCode: row.authCode,
    originalId: row.originalId,
    refundedFen: row.refundedFen,
    businessDate: row.businessDate,
    requestHash: row.requestHash,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}

/** A transaction as `transaction_json` (SQL) writes it: camelCase, amounts as strings. */
export function recordOf(value: unknown): TransactionRecord {
  const o = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
  const dateOrNull = (v: unknown) => (typeof v === 'string' ? new Date(v) : null);
  return {
    id: String(o['id']),
    merchantId: String(o['merchantId']),
    terminalId: String(o['terminalId']),
    batchNo: num(o['batchNo']),
    voucherNo: num(o['voucherNo']),
    kind: o['kind'] as TransactionKind,
    status: o['status'] as TransactionStatus,
    outcomeCode: textOrNull(o['outcomeCode']) as OutcomeCode | null,
    amountFen: big(o['amountFen']),
    feeFen: big(o['feeFen']),
    feeRateBps: o['feeRateBps'] === null ? null : num(o['feeRateBps']),
    service: textOrNull(o['service']) as Service | null,
    paymentMethod: o['paymentMethod'] as PaymentMethod,
    panMasked: textOrNull(o['panMasked']),
    cardOrg: textOrNull(o['cardOrg']),
    rrn: String(o['rrn']),
    authCode: textOrNull(o['authCode']),
    originalId: textOrNull(o['originalId']),
    refundedFen: big(o['refundedFen']),
    businessDate: String(o['businessDate']),
    requestHash: textOrNull(o['requestHash']),
    createdAt: new Date(String(o['createdAt'])),
    closedAt: dateOrNull(o['closedAt']),
  };
}

export function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string') return BigInt(value);
  if (value === null || value === undefined) return 0n;
  throw new TypeError('not an integer');
}

export function num(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  if (value === null || value === undefined) return 0;
  throw new TypeError('not a number');
}

/** Rows of a raw query, whichever driver ran it. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}
