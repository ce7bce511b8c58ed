// The terminal's results in the API's shapes: the slip field by field (6+4 masked card number
// only), journal entries, settlement totals, and the screen's answer with message and hint.
import type {
  PosCardTotals,
  PosJournalEntry,
  PosOperation,
  PosSettlement,
  PosSlip,
  VirtualPosResult,
  VirtualPosScreen,
} from '@shoudan/contracts';
import type { CardTotals } from '@shoudan/iso8583';
import {
  type Failed,
  readMark,
  type SettleSummary,
  type SlipLanguage,
  slipDateTime,
  type TransactionRecord,
} from '@shoudan/terminal';
import {
  declineHint,
  declineMessage,
  type Decline,
  failureHint,
  failureMessage,
  hintText,
  type HintKey,
} from './texts.ts';

/** Where the terminal stands: what each answer carries back to the screen. */
export type ScreenOf = () => VirtualPosScreen;

export type SlipContext = {
  readonly merchantName: string;
  readonly merchantNo: string;
  readonly terminalId: string;
  readonly utcOffsetMinutes: number;
};

const text = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value.trim();

export function slipOf(tx: TransactionRecord, context: SlipContext): PosSlip {
  return {
    merchantName: context.merchantName,
    merchantNo: context.merchantNo,
    terminalId: context.terminalId,
    operatorNo: tx.operatorNo.trim(),
    maskedPan: tx.maskedPan,
    entryMark: readMark(tx.entryMode),
    kind: tx.kind,
    batchNo: tx.batchNo,
    voucherNo: tx.voucherNo,
    rrn: tx.rrn,
    authCode: text(tx.authCode),
    dateTime: slipDateTime(tx, context.utcOffsetMinutes),
    amountFen: tx.amountFen.toString(),
    originalVoucherNo: text(tx.originalVoucherNo),
    originalRrn: tx.kind === 'refund' ? text(tx.originalRrn) : null,
    originalDate: text(tx.originalDate),
    note: text(tx.responseText),
  };
}

export function journalEntryOf(tx: TransactionRecord): PosJournalEntry {
  return {
    kind: tx.kind,
    batchNo: tx.batchNo,
    voucherNo: tx.voucherNo,
    at: tx.at.toISOString(),
    amountFen: tx.amountFen.toString(),
    maskedPan: tx.maskedPan,
    rrn: tx.rrn,
    hostDate: tx.hostDate ?? null,
    voidedByVoucherNo: tx.voidedByVoucherNo ?? null,
    originalVoucherNo: tx.originalVoucherNo ?? null,
    voidable: tx.kind === 'sale' && !tx.settled && tx.voidedByVoucherNo === undefined,
  };
}

function totalsOf(totals: CardTotals, host: CardTotals): PosCardTotals {
  return {
    debitCount: totals.debitCount,
    debitAmountFen: totals.debitAmountFen.toString(),
    creditCount: totals.creditCount,
    creditAmountFen: totals.creditAmountFen.toString(),
    balanced: host.reconciliationCode === '1',
  };
}

export function settlementOf(summary: SettleSummary): PosSettlement {
  return {
    batchNo: summary.batchNo,
    nextBatchNo: summary.nextBatchNo,
    domestic: totalsOf(summary.totals.domestic, summary.hostTotals.domestic),
    foreign: totalsOf(summary.totals.foreign, summary.hostTotals.foreign),
    uploadedCount: summary.uploadedCount,
  };
}

type Common = {
  readonly operation: PosOperation;
  readonly lang: SlipLanguage;
  readonly screen: ScreenOf;
};

const NOTHING = { slip: null, settlement: null } as const;

/** An approval (or a sign-in, sign-off or settlement that went through). */
export function approvedAnswer(
  common: Common,
  message: string,
  extra: Partial<Pick<VirtualPosResult, 'slip' | 'settlement' | 'responseCode'>> = {},
): VirtualPosResult {
  return {
    operation: common.operation,
    approved: true,
    responseCode: extra.responseCode ?? '00',
    failure: null,
    message,
    hint: null,
    reversalPending: common.screen().pendingReversal !== null,
    slip: extra.slip ?? null,
    settlement: extra.settlement ?? null,
    screen: common.screen(),
  };
}

export function declinedAnswer(common: Common, decline: Decline): VirtualPosResult {
  return {
    operation: common.operation,
    approved: false,
    responseCode: decline.responseCode,
    failure: null,
    message: declineMessage(decline, common.lang),
    hint: hintText(common.lang, declineHint(decline, common.operation)),
    reversalPending: common.screen().pendingReversal !== null,
    ...NOTHING,
    screen: common.screen(),
  };
}

export function failedAnswer(common: Common, failed: Failed): VirtualPosResult {
  return {
    operation: common.operation,
    approved: false,
    responseCode: null,
    failure: failed.reason,
    message: failureMessage(failed.reason, common.lang),
    hint: hintText(common.lang, failureHint(failed.reason, failed.reversalPending)),
    reversalPending: failed.reversalPending,
    ...NOTHING,
    screen: common.screen(),
  };
}

/** A refusal of the bridge itself (the supervisor password), before the terminal is asked. */
export function refusedAnswer(
  common: Common,
  failure: string,
  message: string,
  hint: HintKey,
): VirtualPosResult {
  return {
    operation: common.operation,
    approved: false,
    responseCode: null,
    failure,
    message,
    hint: hintText(common.lang, hint),
    reversalPending: common.screen().pendingReversal !== null,
    ...NOTHING,
    screen: common.screen(),
  };
}
