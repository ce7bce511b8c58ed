// What the POS screens accept before anything is sent (the API checks the same), and the test
// cards of the card network simulator (packages/core card-network-simulator.ts) offered as picks.
import { formatFen, parseYuan } from '../../common/money.ts';

/** Field 4 is n12. */
const AMOUNT_FEN_MAX = 999_999_999_999;

/** Fen (decimal text, as the API gives it) as yuan to type into an amount field: "12.50". */
export function yuanText(fen: string): string {
  const value = BigInt(fen);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** Fen as the API gives it (decimal text) → "¥12.50". */
export const fenText = (fen: string): string => formatFen(BigInt(fen));

/** Typed yuan → fen as the API takes it (decimal text); undefined unless within field 4. */
export function amountFenOf(text: string): string | undefined {
  const fen = parseYuan(text);
  return fen !== undefined && fen > 0 && fen <= AMOUNT_FEN_MAX ? String(fen) : undefined;
}

export const CARD_NO = /^[0-9]{13,19}(?:=[0-9]{0,20})?$/;
export const EXPIRY = /^[0-9]{4}$/;
export const PIN = /^[0-9]{4,12}$/;
export const VOUCHER_NO = /^[0-9]{1,6}$/;
export const RRN = /^[0-9A-Za-z]{12}$/;
export const MMDD = /^(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])$/;

/** An optional field: empty, or matching. */
export const optional = (pattern: RegExp, text: string) => text === '' || pattern.test(text);

/** The simulator's test cards: any other number is approved too (debit or credit by its BIN). */
export const TEST_CARDS = [
  { key: 'debit', cardNo: '6222020000000001' },
  { key: 'credit', cardNo: '6258070000000002' },
  { key: 'foreignCredit', cardNo: '4111111111111111' },
  { key: 'insufficientFunds', cardNo: '6222020000000051' },
  { key: 'wrongPin', cardNo: '6222020000000055' },
  { key: 'expired', cardNo: '6222020000000054' },
  { key: 'declined', cardNo: '6222020000000005' },
  { key: 'timeout', cardNo: '6222020000000098' },
] as const;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** hh:mm:ss of an instant in China Standard Time, as the terminal's own clock shows it. */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(11, 19);
}
