// The POS main menu (1 消费 / 2 交易管理 / 3 结算 / 4 签到 / 5 签退 / 0 退出) and the
// screens without a card: sign-in, sign-off and settlement with its totals.
import type { CardTotals } from '@shoudan/iso8583';
import { describeFailure, describeResponseCode, type TerminalEvent } from '@shoudan/terminal';
import { print } from '../output.ts';
import { manageFlow } from './manage-flows.ts';
import { InputEnded } from './prompt.ts';
import { saleFlow } from './sale-flows.ts';
import { ask, type PosSession, say, yuan } from './session.ts';
import { textOf } from './texts.ts';

type Outcome =
  | { readonly status: 'declined'; readonly responseCode: string }
  | {
      readonly status: 'failed';
      readonly reason: Parameters<typeof describeFailure>[0];
    };

function whyNot(session: PosSession, outcome: Outcome): string {
  return outcome.status === 'declined'
    ? `[${outcome.responseCode}] ${describeResponseCode(outcome.responseCode, session.lang)}`
    : describeFailure(outcome.reason, session.lang);
}

async function signInFlow(session: PosSession): Promise<void> {
  say(session, 'processing');
  const result = await session.terminal.signIn(session.signInCode);
  if (result.status === 'signed_in') return say(session, 'signedIn', result.batchNo);
  say(session, 'signInFailed', whyNot(session, result));
}

async function signOffFlow(session: PosSession): Promise<void> {
  say(session, 'processing');
  const result = await session.terminal.signOff();
  if (result.status === 'signed_off') return say(session, 'signedOff');
  say(session, 'signOffFailed', whyNot(session, result));
}

function totalsLine(session: PosSession, name: 'domestic' | 'foreign', totals: CardTotals): string {
  const balance = totals.reconciliationCode === '1' ? 'balanced' : 'unbalanced';
  return textOf(
    session.lang,
    'totalsLine',
    textOf(session.lang, name),
    String(totals.debitCount),
    yuan(totals.debitAmountFen),
    String(totals.creditCount),
    yuan(totals.creditAmountFen),
    textOf(session.lang, balance),
  );
}

async function settleFlow(session: PosSession): Promise<void> {
  say(session, 'settle');
  say(session, 'processing');
  const result = await session.terminal.settle();
  if (result.status === 'failed') return say(session, 'failed', whyNot(session, result));
  const { totals, hostTotals } = result;
  print(totalsLine(session, 'domestic', { ...totals.domestic, ...code(hostTotals.domestic) }));
  print(totalsLine(session, 'foreign', { ...totals.foreign, ...code(hostTotals.foreign) }));
  if (result.uploadedCount > 0) say(session, 'uploaded', String(result.uploadedCount));
  say(session, 'settled', result.batchNo, result.nextBatchNo);
}

function code(totals: CardTotals): { reconciliationCode: string } {
  return { reconciliationCode: totals.reconciliationCode };
}

/** What the terminal reports while it works, on the cashier's screen. */
export function showEvent(session: Pick<PosSession, 'lang'>, event: TerminalEvent): void {
  const line = (key: Parameters<typeof textOf>[1], ...args: string[]) =>
    print(textOf(session.lang, key, ...args));
  switch (event.type) {
    case 'reversal.sent':
      return line('reversalSent', event.voucherNo, String(event.attempt));
    case 'reversal.answered':
      return line('reversalAnswered', event.voucherNo);
    case 'reversal.unanswered':
      return line('reversalUnanswered', event.voucherNo);
    case 'reversal.abandoned':
      return line('reversalAbandoned', event.voucherNo);
    case 'sign_in.requested':
      return line('signInRequested');
    case 'upload.sent':
      return line('uploadSent', String(event.records));
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function showHeader(session: PosSession, terminalLine: readonly string[]): void {
  say(session, 'title');
  say(session, 'terminalLine', ...terminalLine);
  const status = session.terminal.status();
  if (!status.signedIn) say(session, 'notSignedIn');
  const pending = status.pendingReversal;
  if (pending !== undefined) say(session, 'reversalWaiting', pending.voucherNo);
}

const FLOWS: Readonly<Record<string, (session: PosSession) => Promise<void>>> = {
  '1': saleFlow,
  '2': manageFlow,
  '3': settleFlow,
  '4': signInFlow,
  '5': signOffFlow,
};

/** Runs the menu until 0 or the end of the input. */
export async function runMenu(session: PosSession, merchantNo: string): Promise<void> {
  const { terminal } = session;
  showHeader(session, [terminal.terminalId, merchantNo, terminal.status().batchNo]);
  try {
    for (;;) {
      print();
      say(session, 'mainMenu');
      const choice = await ask(session, 'choose');
      if (choice === '0') break;
      const flow = FLOWS[choice];
      if (flow === undefined) say(session, 'unknownChoice');
      else await flow(session);
    }
  } catch (error) {
    if (!(error instanceof InputEnded)) throw error;
  }
  say(session, 'bye');
}
