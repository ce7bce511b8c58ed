// 交易管理: void 撤销交易 (supervisor password, then the original by voucher number or from
// today's sales by time; a refusal is explained), refund and reprint 重打印.
import {
  CHINA_STANDARD_TIME_OFFSET_MINUTES,
  describeFailure,
  explainVoidDecline,
  localDateTime,
  type TransactionRecord,
} from '@shoudan/terminal';
import { print } from '../output.ts';
import { refundFlow } from './sale-flows.ts';
import { ask, type PosSession, printSlip, say, supervisorApproves, yuan } from './session.ts';

function timeOf(tx: TransactionRecord): string {
  const { time } = localDateTime(tx.at, CHINA_STANDARD_TIME_OFFSET_MINUTES);
  return `${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`;
}

function voucherOf(typed: string): string | undefined {
  return /^[0-9]{1,6}$/.test(typed) ? typed.padStart(6, '0') : undefined;
}

/** Today's sales that can be voided, listed by time; the cashier picks one by its number. */
async function pickFromToday(session: PosSession): Promise<TransactionRecord | undefined> {
  const sales = session.terminal.listVoidable();
  if (sales.length === 0) {
    say(session, 'noVoidable');
    return undefined;
  }
  sales.forEach((tx, index) => {
    print(`${index + 1}) ${timeOf(tx)}  ${tx.voucherNo}  ${tx.maskedPan}  ${yuan(tx.amountFen)}`);
  });
  const picked = sales[Number(await ask(session, 'pickIndex')) - 1];
  if (picked === undefined) say(session, 'unknownChoice');
  return picked;
}

/** The original by voucher number: the newest sale with it (the terminal judges the rest). */
async function pickByVoucher(session: PosSession): Promise<string | undefined> {
  const voucherNo = voucherOf(await ask(session, 'voucherNo'));
  if (voucherNo === undefined) say(session, 'unknownChoice');
  return voucherNo;
}

async function voidFlow(session: PosSession): Promise<void> {
  say(session, 'void');
  if (!(await supervisorApproves(session))) return;
  say(session, 'voidBy');
  const way = await ask(session, 'choose');
  const voucherNo =
    way === '2'
      ? (await pickFromToday(session))?.voucherNo
      : way === '1'
        ? await pickByVoucher(session)
        : undefined;
  if (voucherNo === undefined) return;
  const original = session.terminal
    .journal()
    .findLast((tx) => tx.kind === 'sale' && tx.voucherNo === voucherNo);
  if (original !== undefined) {
    const shown = [
      original.voucherNo,
      original.maskedPan,
      yuan(original.amountFen),
      timeOf(original),
    ];
    say(session, 'original', ...shown);
    if ((await ask(session, 'confirmVoid')) !== '1') return say(session, 'cancelled');
  }
  say(session, 'processing');
  const result = await session.terminal.voidSale({ voucherNo });
  if (result.status === 'approved') {
    say(session, 'approved');
    return printSlip(session, result.transaction);
  }
  const why =
    result.status === 'declined'
      ? `[${result.responseCode}] ${explainVoidDecline(result, session.lang)}`
      : describeFailure(result.reason, session.lang);
  say(session, 'voidRefused', why);
  if (result.status === 'failed' && result.reversalPending) say(session, 'reversalStored');
}

async function reprintFlow(session: PosSession): Promise<void> {
  say(session, 'reprintMenu');
  const way = await ask(session, 'choose');
  const journal = session.terminal.journal();
  let tx: TransactionRecord | undefined;
  if (way === '1') tx = journal.at(-1);
  else if (way === '2') {
    const voucherNo = voucherOf(await ask(session, 'reprintVoucher'));
    tx = journal.findLast((entry) => entry.voucherNo === voucherNo);
  } else return say(session, 'unknownChoice');
  if (tx === undefined) return say(session, 'nothingToPrint');
  printSlip(session, tx, true);
}

export async function manageFlow(session: PosSession): Promise<void> {
  say(session, 'manageMenu');
  const choice = await ask(session, 'choose');
  if (choice === '1') return voidFlow(session);
  if (choice === '2') return refundFlow(session);
  if (choice === '3') return reprintFlow(session);
  if (choice !== '0') say(session, 'unknownChoice');
}
