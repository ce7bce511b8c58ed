// The public types of the terminal simulator: options, inputs, results, transaction records and
// the events it reports. Amounts are bigint fen; dates the terminal records are instants.
import type { ClearKey, MacAlgorithm } from '@shoudan/hsm';
import type { CupHeader, SettlementTotals, Tpdu } from '@shoudan/iso8583';
import type { TerminalState } from './state.ts';

/** Wall time for records and slips (the CLI passes @shoudan/core's systemClock). */
export interface TerminalClock {
  now(): Date;
}

/** 60.3 of a sign-in: `001` single-length keys, `003` double-length, `004` + track key. */
export type SignInCode = '001' | '003' | '004';

export type TransactionKind = 'sale' | 'void' | 'refund';

export type SlipLanguage = 'zh' | 'en';

export interface TerminalOptions {
  /** 终端号, 8 characters (field 41). */
  readonly terminalId: string;
  /** 商户号, 15 characters (field 42). */
  readonly merchantNo: string;
  /** 商户名称 for the slip. */
  readonly merchantName?: string;
  /** The terminal master key, loaded in clear at key loading. */
  readonly tmk: ClearKey;
  readonly host: string;
  readonly port: number;
  /** Configured per terminal; nothing on the wire says which. Default `cup-ecb`. */
  readonly macAlgorithm?: MacAlgorithm;
  readonly clock: TerminalClock;
  /** A state saved earlier (`terminal.state()`); a fresh terminal starts at batch 000001. */
  readonly state?: TerminalState;
  /** Called with the whole state after every change, before anything is sent that needs it. */
  readonly persist?: (state: TerminalState) => void | Promise<void>;
  /** How long to wait for an answer. Default 60 000 ms, as CUP terminals. */
  readonly replyTimeoutMs?: number;
  /** How long to wait for the TCP connection. Default 10 000 ms. */
  readonly connectTimeoutMs?: number;
  /**
   * A long connection: how long the link stays open after an operation for the next one. Default
   * 0, a short connection: one per operation, as dial-up and most GPRS terminals do. Keep it
   * below the host's idle timeout (the gateway's `GATEWAY_IDLE_TIMEOUT_MS`).
   */
  readonly keepLinkOpenMs?: number;
  /** How many times one reversal is sent before it is abandoned. Default 3. */
  readonly reversalAttemptsMax?: number;
  /** 操作员号, up to 3 characters. Default `01`. */
  readonly operatorNo?: string;
  /** Local time of the terminal: minutes east of UTC. Default 480 (China Standard Time). */
  readonly utcOffsetMinutes?: number;
  readonly tpdu?: Tpdu;
  readonly header?: CupHeader;
  /** Told of reversals and repeated sign-ins as they happen (for the screen or a log). */
  readonly onEvent?: (event: TerminalEvent) => void;
}

/** A card as read: a keyed PAN (with its expiry when known) or a swiped track 2. */
export interface CardInput {
  readonly pan?: string;
  readonly track2?: string;
  /** YYMM; for a keyed PAN only (a track carries its own). */
  readonly expiry?: string;
}

export interface SaleInput extends CardInput {
  readonly amountFen: bigint;
  /** 4–12 digits; sent as a PIN block under the PIK. */
  readonly pin?: string;
}

export interface VoidInput {
  /** 原凭证号 of the sale to void. */
  readonly voucherNo: string;
  readonly pin?: string;
}

export interface RefundInput extends CardInput {
  /** 原参考号 (field 37 of the sale). */
  readonly rrn: string;
  /** 原交易日期 MMDD. */
  readonly originalDateMmdd: string;
  readonly amountFen: bigint;
}

/** One approved transaction as the terminal keeps it. Never holds the full card number. */
export interface TransactionRecord {
  readonly kind: TransactionKind;
  readonly batchNo: string;
  readonly voucherNo: string;
  readonly amountFen: bigint;
  /** First 6 and last 4 digits. */
  readonly maskedPan: string;
  /** 22 as sent: `01x` keyed, `02x` swiped. */
  readonly entryMode: string;
  readonly rrn: string;
  readonly authCode?: string;
  readonly responseCode: string;
  /** 63.1 of the answer: `CUP` domestic, anything else foreign (refunds: `000` domestic). */
  readonly cardOrganisation?: string;
  readonly responseText?: string;
  /** Host's local date MMDD and time hhmmss (13, 12); the business date (15). */
  readonly hostDate?: string;
  readonly hostTime?: string;
  readonly settlementDate?: string;
  /** When the terminal received the approval. */
  readonly at: Date;
  readonly operatorNo: string;
  /** Void: the sale it voids. */
  readonly originalVoucherNo?: string;
  readonly originalBatchNo?: string;
  /** Void and refund: the RRN of the original; refund: its date MMDD. */
  readonly originalRrn?: string;
  readonly originalDate?: string;
  /** Sale: voucher number of the void that voided it. */
  readonly voidedByVoucherNo?: string;
  /** The batch was settled: no void any more. */
  readonly settled: boolean;
}

/** Why an operation ended without a host decision, or was refused before sending. */
export type FailureReason =
  | 'not_signed_in'
  | 'invalid_input'
  | 'connect_failed'
  | 'no_answer'
  | 'invalid_answer'
  | 'mac_invalid'
  | 'storage_failed'
  | 'reversal_unanswered'
  | 'reversal_abandoned'
  | 'original_not_found'
  | 'already_voided'
  | 'batch_settled'
  | 'check_value_mismatch'
  | 'key_layout_invalid'
  | 'upload_failed';

export interface Declined {
  readonly status: 'declined';
  readonly responseCode: string;
  /** 63.2 of the answer, when the host sent one. */
  readonly responseText?: string;
}

export interface Failed {
  readonly status: 'failed';
  readonly reason: FailureReason;
  /** A reversal is stored and will be sent before the next request. */
  readonly reversalPending: boolean;
}

export type TransactionResult =
  { readonly status: 'approved'; readonly transaction: TransactionRecord } | Declined | Failed;

export type SignInResult =
  { readonly status: 'signed_in'; readonly batchNo: string } | Declined | Failed;

export type SignOffResult = { readonly status: 'signed_off' } | Declined | Failed;

export interface SettleSummary {
  readonly status: 'settled';
  readonly batchNo: string;
  readonly nextBatchNo: string;
  /** What the terminal sent, from its journal. */
  readonly totals: SettlementTotals;
  /** 48 of the 0510: the host's balance answer (and its own totals when not balanced). */
  readonly hostTotals: SettlementTotals;
  readonly balanced: { readonly domestic: boolean; readonly foreign: boolean };
  /** Records sent in the batch-upload phase. */
  readonly uploadedCount: number;
}

export type SettleResult = SettleSummary | Failed;

export type TerminalEvent =
  | { readonly type: 'reversal.sent'; readonly voucherNo: string; readonly attempt: number }
  | { readonly type: 'reversal.answered'; readonly voucherNo: string }
  | { readonly type: 'reversal.unanswered'; readonly voucherNo: string; readonly attempt: number }
  | { readonly type: 'reversal.abandoned'; readonly voucherNo: string }
  | { readonly type: 'sign_in.requested' }
  | { readonly type: 'upload.sent'; readonly records: number };

export interface ListVoidableInput {
  readonly from: Date;
  readonly to: Date;
}

export interface SlipOptions {
  readonly lang: SlipLanguage;
}
