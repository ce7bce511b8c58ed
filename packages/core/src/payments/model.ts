// Payment types and the pure rules of sale, void, refund and reversal (no I/O, no clock reads).
import { createHash } from 'node:crypto';
import type { BusinessDate } from '../shared/business-date.ts';
import type { OutcomeCode } from '../shared/outcome.ts';

export const SERVICES = [
  'card_debit',
  'card_credit',
  'unionpay_qr',
  'wechat_pay',
  'alipay',
  'd0_settlement',
  'pre_authorization',
] as const;
export type Service = (typeof SERVICES)[number];

export const PAYMENT_METHODS = ['card', 'unionpay_qr', 'wechat_pay', 'alipay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type TransactionKind = 'sale' | 'void' | 'refund';
export type TransactionStatus = 'approved' | 'declined' | 'voided' | 'reversed';
export type CardKind = 'debit' | 'credit';

/** What identifies a terminal request: the same key twice is a duplicate. */
export type RequestKey = {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly voucherNo: number;
};

export type TransactionRecord = {
  readonly id: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly batchNo: number;
  readonly voucherNo: number;
  readonly kind: TransactionKind;
  readonly status: TransactionStatus;
  /** Why it was declined; null when approved. */
  readonly outcomeCode: OutcomeCode | null;
  readonly amountFen: bigint;
  readonly feeFen: bigint;
  readonly feeRateBps: number | null;
  readonly service: Service | null;
  readonly paymentMethod: PaymentMethod;
  readonly panMasked: string | null;
  /** Card organisation as the network names it (`CUP` domestic; `VIS`, `MCC` … foreign). */
  readonly cardOrg: string | null;
  readonly rrn: string;
  readonly authCode: string | null;
  readonly originalId: string | null;
  readonly refundedFen: bigint;
  readonly businessDate: BusinessDate;
  readonly requestHash: string | null;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
};

/** The payment method and card kind decide which merchant service a payment uses. */
export function serviceFor(method: PaymentMethod, cardKind: CardKind | null): Service {
  switch (method) {
    case 'card':
      return cardKind === 'credit' ? 'card_credit' : 'card_debit';
    case 'unionpay_qr':
    case 'wechat_pay':
    case 'alipay':
      return method;
    default: {
      const never: never = method;
      return never;
    }
  }
}

/**
 * A fingerprint of what a request asks for, to tell a retransmission (same key, same content)
 * from a different request that reuses the key. Built from non-sensitive fields only.
 */
export function requestHash(parts: readonly (string | number | bigint | null)[]): string {
  const text = parts.map((p) => (p === null ? '' : String(p))).join('|');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The card network's reference for a request, stable across retries and crashes. */
export function networkRef(key: RequestKey): string {
  return `${key.terminalId}:${key.batchNo}:${key.voucherNo}`;
}

/** The request key a network reference names (`networkRef`); undefined for another shape. */
export function requestKeyOfRef(ref: string): RequestKey | undefined {
  const match = /^([^:]+):(\d{1,6}):(\d{1,6})$/.exec(ref);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { terminalId: match[1], batchNo: Number(match[2]), voucherNo: Number(match[3]) };
}

/** A sale is effective (counts for settlement) while approved and neither voided nor reversed. */
export function isEffectiveSale(t: TransactionRecord): boolean {
  return t.kind === 'sale' && t.status === 'approved';
}
