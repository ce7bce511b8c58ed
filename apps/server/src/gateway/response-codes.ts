// The one table from domain outcomes to field 39 (shared/cup-8583.md §6), and the few codes the
// gateway answers by itself (format error, MAC failure). A new OutcomeCode does not compile here
// until it has a code; the answer text (63.2) comes from the outcome catalogue's Chinese text.
import { OUTCOMES, type OutcomeCode } from '@shoudan/core';

export const RESPONSE_CODES = {
  // Who is asking.
  terminal_not_found: '97', // terminal not registered
  // 58 = not permitted on this terminal: a frozen (lost) terminal and a deactivated or not yet
  // activated one; 63.2 tells which.
  terminal_not_active: '58',
  terminal_frozen: '58',
  // The terminal has no session: the same answer as missing working keys, with 处理要求 3.
  terminal_not_signed_in: 'A0',
  merchant_not_active: '03', // invalid merchant
  // A revoked or suspended service (e.g. credit cards): the transaction is not permitted for this
  // merchant. 57 rather than 58 so that it is told apart from a frozen terminal.
  service_not_active: '57',
  // The request names a batch the terminal does not have open: sign in again for the batch.
  batch_not_open: '22',
  // A configuration gap of the acquirer: declined as an invalid transaction, never 96 (the
  // terminal would report a system fault for what the acquirer must fix).
  fee_rate_missing: '12',
  // The card network's answer.
  card_declined: '05',
  insufficient_funds: '51',
  wrong_pin: '55',
  card_expired: '54',
  network_timeout: '98',
  // The request itself.
  invalid_amount: '13',
  invalid_card_number: '14',
  duplicate_with_different_content: '94',
  // Voids, refunds and reversals of an original.
  original_not_found: '25',
  original_not_approved: '25', // there is no successful original to act on
  amount_mismatch: '64',
  already_voided: '12',
  already_refunded: '12',
  already_reversed: '12',
  void_window_closed: '12', // 63.2 "已结算，请使用退货"
  refund_not_yet_allowed: '12', // 63.2 "未结算，请使用撤销"
  refund_window_expired: '22', // beyond the allowed days
  refund_exceeds_original: '61', // exceeds the amount limit
  reversal_window_closed: '12',
  reversal_not_allowed: '12',
  // Cutoff and settlement runs: not reachable from a terminal, mapped for completeness.
  cutoff_too_early: '12',
  business_date_not_cut_off: '12',
} as const satisfies Record<OutcomeCode, string>;

/** Codes the gateway answers without asking the domain. */
export const GATEWAY_CODES = {
  approved: '00',
  formatError: '30',
  notSupported: '40',
  systemMalfunction: '96',
  /** PIN block not format 0 for the card under the terminal's PIK: sign in again. */
  pinFormatError: '99',
  /** The request's MAC failed, or the terminal has no working keys to check it: sign in again. */
  macFailed: 'A0',
  terminalNotRegistered: '97',
  invalidMerchant: '03',
} as const;

/** Outcomes after which the terminal must sign in again (header 处理要求 `3`). */
const SIGN_IN_AGAIN: ReadonlySet<OutcomeCode> = new Set([
  'terminal_not_signed_in',
  'batch_not_open',
]);

export function responseCodeOf(code: OutcomeCode): string {
  return RESPONSE_CODES[code];
}

/** The answer text of an outcome (63.2): its Chinese text from the catalogue. */
export function answerTextOf(code: OutcomeCode): string {
  return OUTCOMES[code].zh;
}

/** 处理要求 of the answer header: `3` makes the terminal sign in again, else `0`. */
export function processingRequestOf(code: OutcomeCode): '0' | '3' {
  return SIGN_IN_AGAIN.has(code) ? '3' : '0';
}
