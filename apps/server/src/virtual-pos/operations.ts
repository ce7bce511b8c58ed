// The POS menu's operations on one device — 签到, 签退, 消费, 撤销 (主管密码 first), 退货
// (主管密码 first), 结算 — each turned into the screen's answer. The bridge runs them in turn.
import type { VirtualPosResult, VirtualPosScreen } from '@shoudan/contracts';
import {
  type CardInput,
  CHINA_STANDARD_TIME_OFFSET_MINUTES,
  describeResponseCode,
  type SlipLanguage,
  type TransactionResult,
} from '@shoudan/terminal';
import {
  approvedAnswer,
  declinedAnswer,
  failedAnswer,
  refusedAnswer,
  settlementOf,
  slipOf,
} from './answers.ts';
import type { Device } from './device.ts';
import { textOf } from './texts.ts';

export type SaleInput = {
  readonly cardNo: string;
  /** Decimal fen, checked by the route. */
  readonly amountFen: string;
  readonly expiry?: string | undefined;
  readonly pin?: string | undefined;
};

export type VoidInput = {
  readonly voucherNo: string;
  readonly supervisorPassword: string;
  readonly pin?: string | undefined;
};

export type RefundInput = {
  readonly cardNo: string;
  readonly originalReferenceNo: string;
  readonly originalDate: string;
  /** Decimal fen, checked by the route. */
  readonly amountFen: string;
  readonly supervisorPassword: string;
};

/** What every operation is given: the device, the language, the screen as it is after it. */
export type Turn = {
  readonly device: Device;
  readonly lang: SlipLanguage;
  readonly screen: () => VirtualPosScreen;
  /** 主管密码 of the terminal. */
  readonly supervisorPassword: string;
};

/** A keyed card number, or a swiped track 2 (which carries its own expiry). */
function cardOf(cardNo: string, expiry?: string): CardInput {
  if (cardNo.includes('=')) return { track2: cardNo };
  return expiry === undefined ? { pan: cardNo } : { pan: cardNo, expiry };
}

function transactionAnswer(
  turn: Turn,
  operation: 'sale' | 'void' | 'refund',
  result: TransactionResult,
): VirtualPosResult {
  const common = { operation, lang: turn.lang, screen: turn.screen };
  if (result.status === 'declined') return declinedAnswer(common, result);
  if (result.status === 'failed') return failedAnswer(common, result);
  const { device } = turn;
  const slip = slipOf(result.transaction, {
    merchantName: device.merchantName,
    merchantNo: device.merchantNo,
    terminalId: device.terminal.terminalId,
    utcOffsetMinutes: CHINA_STANDARD_TIME_OFFSET_MINUTES,
  });
  const { responseCode } = result.transaction;
  const message = describeResponseCode(responseCode, turn.lang);
  return approvedAnswer(common, message, { slip, responseCode });
}

/** The supervisor password, checked by the terminal before anything is sent. */
function supervisorRefusal(
  turn: Turn,
  operation: 'void' | 'refund',
  typed: string,
): VirtualPosResult | undefined {
  if (typed === turn.supervisorPassword) return undefined;
  const common = { operation, lang: turn.lang, screen: turn.screen };
  const message = textOf(turn.lang, 'supervisorWrong');
  return refusedAnswer(common, 'supervisor_password_wrong', message, 'supervisor');
}

export async function signIn(turn: Turn): Promise<VirtualPosResult> {
  const result = await turn.device.terminal.signIn();
  const common = { operation: 'sign_in' as const, lang: turn.lang, screen: turn.screen };
  if (result.status === 'signed_in') {
    return approvedAnswer(common, textOf(turn.lang, 'signedIn', result.batchNo));
  }
  return result.status === 'declined'
    ? declinedAnswer(common, result)
    : failedAnswer(common, result);
}

export async function signOff(turn: Turn): Promise<VirtualPosResult> {
  const result = await turn.device.terminal.signOff();
  const common = { operation: 'sign_off' as const, lang: turn.lang, screen: turn.screen };
  if (result.status === 'signed_off') return approvedAnswer(common, textOf(turn.lang, 'signedOff'));
  return result.status === 'declined'
    ? declinedAnswer(common, result)
    : failedAnswer(common, result);
}

export async function sale(turn: Turn, input: SaleInput): Promise<VirtualPosResult> {
  const result = await turn.device.terminal.sale({
    ...cardOf(input.cardNo, input.expiry),
    amountFen: BigInt(input.amountFen),
    ...(input.pin === undefined ? {} : { pin: input.pin }),
  });
  return transactionAnswer(turn, 'sale', result);
}

export async function voidSale(turn: Turn, input: VoidInput): Promise<VirtualPosResult> {
  const refused = supervisorRefusal(turn, 'void', input.supervisorPassword);
  if (refused !== undefined) return refused;
  const result = await turn.device.terminal.voidSale({
    voucherNo: input.voucherNo.padStart(6, '0'),
    ...(input.pin === undefined ? {} : { pin: input.pin }),
  });
  return transactionAnswer(turn, 'void', result);
}

export async function refund(turn: Turn, input: RefundInput): Promise<VirtualPosResult> {
  const refused = supervisorRefusal(turn, 'refund', input.supervisorPassword);
  if (refused !== undefined) return refused;
  const result = await turn.device.terminal.refund({
    ...cardOf(input.cardNo),
    rrn: input.originalReferenceNo,
    originalDateMmdd: input.originalDate,
    amountFen: BigInt(input.amountFen),
  });
  return transactionAnswer(turn, 'refund', result);
}

export async function settle(turn: Turn): Promise<VirtualPosResult> {
  const result = await turn.device.terminal.settle();
  const common = { operation: 'settle' as const, lang: turn.lang, screen: turn.screen };
  if (result.status === 'failed') return failedAnswer(common, result);
  const message = textOf(turn.lang, 'settled', result.batchNo);
  return approvedAnswer(common, message, { settlement: settlementOf(result) });
}
