// What every POS screen flow shares: the terminal, the prompt, the language, and the helpers
// that print a result, a slip or a failure the way the POS screen shows them.
import { formatYuan, parseYuan } from '@shoudan/core';
import {
  describeFailure,
  describeResponseCode,
  type SignInCode,
  type SlipLanguage,
  type Terminal,
  type TransactionRecord,
  type TransactionResult,
} from '@shoudan/terminal';
import { print } from '../output.ts';
import type { Prompt } from './prompt.ts';
import { type TextKey, textOf } from './texts.ts';

export interface PosSession {
  readonly terminal: Terminal;
  readonly prompt: Prompt;
  readonly lang: SlipLanguage;
  readonly supervisorPassword: string;
  readonly signInCode: SignInCode | undefined;
}

export function say(session: PosSession, key: TextKey, ...args: readonly string[]): void {
  print(textOf(session.lang, key, ...args));
}

export function ask(session: PosSession, key: TextKey): Promise<string> {
  return session.prompt.ask(textOf(session.lang, key));
}

/** Amounts are typed in yuan with at most two decimals; exact, no floating point. */
export function amountOf(text: string): bigint | undefined {
  const fen = parseYuan(text);
  return fen !== undefined && fen > 0n ? fen : undefined;
}

export function yuan(amountFen: bigint): string {
  return `¥${formatYuan(amountFen)}`;
}

export function printSlip(session: PosSession, tx: TransactionRecord, reprint = false): void {
  print();
  if (reprint) say(session, 'reprintMark');
  print(session.terminal.printSlip(tx, { lang: session.lang }).trimEnd());
  print();
}

/** A sale's or refund's result: the slip, or the decline with its code and text. */
export function showResult(session: PosSession, result: TransactionResult): void {
  switch (result.status) {
    case 'approved':
      say(session, 'approved');
      printSlip(session, result.transaction);
      return;
    case 'declined': {
      const text = result.responseText ?? describeResponseCode(result.responseCode, session.lang);
      say(session, 'declined', result.responseCode, text);
      return;
    }
    case 'failed':
      say(session, 'failed', describeFailure(result.reason, session.lang));
      if (result.reversalPending) say(session, 'reversalStored');
      return;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** Asks the supervisor password (主管密码) first; false after a wrong one. */
export async function supervisorApproves(session: PosSession): Promise<boolean> {
  const typed = await session.prompt.askSecret(textOf(session.lang, 'supervisorPassword'));
  if (typed === session.supervisorPassword) return true;
  say(session, 'supervisorWrong');
  return false;
}
