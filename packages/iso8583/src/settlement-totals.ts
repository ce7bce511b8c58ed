// Settlement totals in the private additional data of 0500/0510 (shared/cup-8583.md §5):
// 62 digits, domestic cards then foreign cards, each debit/credit amounts and counts.
import { type CodecError, fail, type Result, succeed } from './codec-error.ts';
import { cupDialect } from './spec/cup.ts';

export interface CardTotals {
  /** Approved sales and completions of the batch (voided ones included). */
  readonly debitAmountFen: bigint;
  readonly debitCount: number;
  /** Approved voids, completion voids and refunds. */
  readonly creditAmountFen: bigint;
  readonly creditCount: number;
  /** 对账应答代码: request `0`; answer `1` balanced, `2` not balanced, `3` error. */
  readonly reconciliationCode: string;
}

export interface SettlementTotals {
  /** 内卡: approvals whose card organisation was `CUP`. */
  readonly domestic: CardTotals;
  /** 外卡: every other approval. */
  readonly foreign: CardTotals;
}

const DATA_FIELD = String(cupDialect.numberOfKey.get('additionalData'));
const BLOCK_DIGITS = 31;
const AMOUNT_DIGITS = 12;
const COUNT_DIGITS = 3;

function invalid(detail: string): CodecError {
  return { fieldPath: [DATA_FIELD], reason: 'invalid_value', detail };
}

function readBlock(digits: string): CardTotals {
  return {
    debitAmountFen: BigInt(digits.slice(0, 12)),
    debitCount: Number(digits.slice(12, 15)),
    creditAmountFen: BigInt(digits.slice(15, 27)),
    creditCount: Number(digits.slice(27, 30)),
    reconciliationCode: digits.slice(30, 31),
  };
}

/** Reads the 62 digits of settlement totals. Error: `invalid_value` for another shape. */
export function readSettlementTotals(digits: string): Result<SettlementTotals> {
  if (!/^[0-9]{62}$/.test(digits)) return fail(invalid('settlement totals must be 62 digits'));
  return succeed({
    domestic: readBlock(digits.slice(0, BLOCK_DIGITS)),
    foreign: readBlock(digits.slice(BLOCK_DIGITS)),
  });
}

function amountDigits(amount: bigint): string | undefined {
  const text = typeof amount === 'bigint' && amount >= 0n ? amount.toString() : '';
  if (text === '' || text.length > AMOUNT_DIGITS) return undefined;
  return text.padStart(AMOUNT_DIGITS, '0');
}

function countDigits(count: number): string | undefined {
  const valid = Number.isInteger(count) && count >= 0 && count < 10 ** COUNT_DIGITS;
  return valid ? String(count).padStart(COUNT_DIGITS, '0') : undefined;
}

function writeBlock(totals: CardTotals): string | undefined {
  const parts = [
    amountDigits(totals.debitAmountFen),
    countDigits(totals.debitCount),
    amountDigits(totals.creditAmountFen),
    countDigits(totals.creditCount),
    /^[0-9]$/.test(totals.reconciliationCode) ? totals.reconciliationCode : undefined,
  ];
  return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
}

/** Writes the 62 digits. Error: `invalid_value` for an amount, count or code out of range. */
export function writeSettlementTotals(totals: SettlementTotals): Result<string> {
  const domestic = writeBlock(totals.domestic);
  const foreign = writeBlock(totals.foreign);
  if (domestic === undefined || foreign === undefined) {
    return fail(invalid('amounts 0..12 digits, counts 0..999, code 1 digit'));
  }
  return succeed(domestic + foreign);
}
