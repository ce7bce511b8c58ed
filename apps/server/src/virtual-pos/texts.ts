// What the virtual POS screen says after an operation, in the caller's language: the message
// (the host's decline read back into its outcome where 63.2 names one, else the code's text, or
// the terminal's own failure) and a hint for what the cashier should do next.
import { OUTCOMES, type OutcomeCode } from '@shoudan/core';
import {
  describeFailure,
  describeResponseCode,
  type FailureReason,
  type SlipLanguage,
} from '@shoudan/terminal';

type Text = { readonly zh: string; readonly en: string };

const HINTS = {
  useRefund: {
    zh: '该笔消费已过日切（已结算），不能撤销：请使用 交易管理 → 退货',
    en: 'This sale is past the cutoff (settled): use Transaction management → Refund instead',
  },
  useVoid: {
    zh: '原交易尚未结算：请使用 交易管理 → 撤销交易',
    en: 'The original is not settled yet: void it instead (Transaction management → Void)',
  },
  signIn: { zh: '请先签到（菜单 4 签到）', en: 'Sign in first (menu 4 Sign in)' },
  reenterPin: { zh: '请持卡人重新输入密码', en: 'Ask the cardholder to enter the PIN again' },
  otherCard: { zh: '请持卡人换卡或联系发卡行', en: 'Ask for another card, or call the issuer' },
  retry: { zh: '请稍后重试', en: 'Try again in a moment' },
  reversalStored: {
    zh: '已记录冲正，将在下一笔交易前自动发送',
    en: 'A reversal is stored and is sent before the next transaction',
  },
  callAcquirer: { zh: '请联系收单机构', en: 'Call the acquirer' },
  serviceNotActive: {
    zh: '商户未开通该卡种或业务：请换卡，或在商户平台开通服务',
    en: 'The merchant has not enabled this kind of card: use another card, or enable the service',
  },
  checkVoucher: {
    zh: '请核对原凭证号：只能撤销本批次未撤销的消费',
    en: 'Check the voucher number: only sales of the open batch not yet voided can be voided',
  },
  checkOriginal: {
    zh: '请核对原参考号和原交易日期（见原签购单）',
    en: 'Check the original RRN and date (on the original slip)',
  },
  refundAmount: {
    zh: '退货金额不能超过原交易未退金额',
    en: 'A refund cannot exceed what is left of the original amount',
  },
  supervisor: { zh: '请输入正确的主管密码', en: 'Enter the right supervisor password' },
  settleAgain: { zh: '请重新结算', en: 'Settle again' },
} as const satisfies Record<string, Text>;

export type HintKey = keyof typeof HINTS;

const OTHER_TEXTS = {
  signedIn: { zh: '签到成功  批次号 {0}', en: 'Signed in; batch {0}' },
  signedOff: { zh: '签退成功', en: 'Signed off' },
  settled: { zh: '结算完成  批次号 {0}', en: 'Batch {0} settled' },
  supervisorWrong: { zh: '主管密码错误', en: 'Wrong supervisor password' },
} as const satisfies Record<string, Text>;

export function textOf(
  lang: SlipLanguage,
  key: keyof typeof OTHER_TEXTS,
  ...args: readonly string[]
): string {
  return OTHER_TEXTS[key][lang].replace(/\{(\d)\}/g, (_m, i: string) => args[Number(i)] ?? '');
}

export function hintText(lang: SlipLanguage, key: HintKey | null): string | null {
  return key === null ? null : HINTS[key][lang];
}

/** The gateway sends an outcome's Chinese text in 63.2: read it back into the outcome. */
const OUTCOME_BY_TEXT: ReadonlyMap<string, OutcomeCode> = new Map(
  Object.entries(OUTCOMES).map(([code, entry]) => [entry.zh, code as OutcomeCode]),
);

export function outcomeOfText(text: string | undefined): OutcomeCode | undefined {
  return text === undefined ? undefined : OUTCOME_BY_TEXT.get(text.trim());
}

const OUTCOME_HINTS: Partial<Record<OutcomeCode, HintKey>> = {
  void_window_closed: 'useRefund',
  refund_not_yet_allowed: 'useVoid',
  terminal_not_signed_in: 'signIn',
  batch_not_open: 'signIn',
  wrong_pin: 'reenterPin',
  insufficient_funds: 'otherCard',
  card_expired: 'otherCard',
  card_declined: 'otherCard',
  network_timeout: 'retry',
  terminal_frozen: 'callAcquirer',
  terminal_not_active: 'callAcquirer',
  terminal_not_found: 'callAcquirer',
  merchant_not_active: 'callAcquirer',
  service_not_active: 'serviceNotActive',
  original_not_found: 'checkOriginal',
  refund_exceeds_original: 'refundAmount',
};

/** Field 39 codes, for answers without a 63.2 the outcome table knows. */
const CODE_HINTS: Readonly<Record<string, HintKey>> = {
  A0: 'signIn',
  '99': 'signIn',
  '22': 'signIn',
  '55': 'reenterPin',
  '51': 'otherCard',
  '54': 'otherCard',
  '05': 'otherCard',
  '68': 'retry',
  '91': 'retry',
  '96': 'retry',
  '98': 'retry',
  '03': 'callAcquirer',
  '58': 'callAcquirer',
  '97': 'callAcquirer',
  '57': 'serviceNotActive',
};

export type Decline = { readonly responseCode: string; readonly responseText?: string };

/** The message of a host decline: its outcome in the caller's language, else the code's text. */
export function declineMessage(decline: Decline, lang: SlipLanguage): string {
  const outcome = outcomeOfText(decline.responseText);
  if (outcome !== undefined) return OUTCOMES[outcome][lang];
  const text = decline.responseText?.trim();
  if (text && lang === 'zh') return text;
  return describeResponseCode(decline.responseCode, lang);
}

/**
 * What to do after a host decline. A void refused with 12 and no text is, most often, a sale
 * settled at the host's cutoff (as explainVoidDecline says): the refund hint.
 */
export function declineHint(decline: Decline, operation: string): HintKey | null {
  const outcome = outcomeOfText(decline.responseText);
  if (outcome !== undefined) {
    if (outcome === 'original_not_found' && operation === 'void') return 'checkVoucher';
    return OUTCOME_HINTS[outcome] ?? null;
  }
  if (decline.responseCode === '12' && operation === 'void') return 'useRefund';
  if (decline.responseCode === '25') return operation === 'void' ? 'checkVoucher' : 'checkOriginal';
  return CODE_HINTS[decline.responseCode] ?? null;
}

const FAILURE_HINTS: Readonly<Record<FailureReason, HintKey | null>> = {
  not_signed_in: 'signIn',
  invalid_input: null,
  connect_failed: 'retry',
  no_answer: 'retry',
  invalid_answer: 'retry',
  mac_invalid: 'signIn',
  storage_failed: 'retry',
  reversal_unanswered: 'retry',
  reversal_abandoned: 'callAcquirer',
  original_not_found: 'checkVoucher',
  already_voided: null,
  batch_settled: 'useRefund',
  check_value_mismatch: 'callAcquirer',
  key_layout_invalid: 'callAcquirer',
  upload_failed: 'settleAgain',
};

export function failureMessage(reason: FailureReason, lang: SlipLanguage): string {
  return describeFailure(reason, lang);
}

/** What to do after the terminal's own failure; a stored reversal is said first. */
export function failureHint(reason: FailureReason, reversalPending: boolean): HintKey | null {
  return reversalPending ? 'reversalStored' : FAILURE_HINTS[reason];
}
