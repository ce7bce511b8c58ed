// The POS screens that take a card: sale 消费 (amount, card, expiry, PIN) and refund 退货
// (supervisor password, card, original RRN and date, amount).
import type { CardInput } from '@shoudan/terminal';
import { amountOf, ask, type PosSession, say, showResult, supervisorApproves } from './session.ts';
import { textOf } from './texts.ts';

/** A swiped track 2 (`PAN=YYMM…`) or a keyed PAN, then its expiry; undefined after a bad one. */
async function readCard(session: PosSession): Promise<CardInput | undefined> {
  const typed = await ask(session, 'card');
  if (/^[0-9]{13,19}=[0-9]{0,20}$/.test(typed)) return { track2: typed };
  if (!/^[0-9]{13,19}$/.test(typed)) {
    say(session, 'cardInvalid');
    return undefined;
  }
  const expiry = await ask(session, 'expiry');
  if (expiry === '') return { pan: typed };
  if (/^[0-9]{4}$/.test(expiry)) return { pan: typed, expiry };
  say(session, 'cardInvalid');
  return undefined;
}

async function readAmount(session: PosSession, key: 'amount' | 'refundAmount') {
  const amountFen = amountOf(await ask(session, key));
  if (amountFen === undefined) say(session, 'amountInvalid');
  return amountFen;
}

export async function saleFlow(session: PosSession): Promise<void> {
  say(session, 'sale');
  const amountFen = await readAmount(session, 'amount');
  if (amountFen === undefined) return;
  const card = await readCard(session);
  if (card === undefined) return;
  const pin = await session.prompt.askSecret(textOf(session.lang, 'pin'));
  say(session, 'processing');
  const result = await session.terminal.sale({ ...card, amountFen, ...(pin ? { pin } : {}) });
  showResult(session, result);
}

export async function refundFlow(session: PosSession): Promise<void> {
  say(session, 'refund');
  if (!(await supervisorApproves(session))) return;
  const card = await readCard(session);
  if (card === undefined) return;
  const rrn = await ask(session, 'originalRrn');
  const originalDateMmdd = await ask(session, 'originalDate');
  const amountFen = await readAmount(session, 'refundAmount');
  if (amountFen === undefined) return;
  say(session, 'processing');
  const result = await session.terminal.refund({ ...card, rrn, originalDateMmdd, amountFen });
  showResult(session, result);
}
