// Onboarding (进件) rules: the check digits of the numbers an applicant types (ID card, unified
// social credit code, bank card, mobile number), how each is masked for display, and the shape of
// merchant numbers and terminal ids given at approval. Pure functions: no I/O, no clock.

// The check digits are defined once, in @shoudan/contracts, where the browser's forms use them too.
export {
  creditCodeCheckChar,
  idCardCheckChar,
  isValidAccountNo,
  isValidAreaCode,
  isValidBankCardNo,
  isValidCreditCode,
  isValidIdCardNo,
  isValidMobileNo,
  luhnCheckDigit,
} from '@shoudan/contracts';

const stars = (n: number) => '*'.repeat(Math.max(n, 0));

/** `11010519491231002X` → `1101**********002X`: region and birth date hidden. */
export function maskIdCardNo(idCardNo: string): string {
  return `${idCardNo.slice(0, 4)}${stars(idCardNo.length - 8)}${idCardNo.slice(-4)}`;
}

/** A bank card as a PAN is shown: first 6 and last 4. */
export function maskBankCardNo(cardNo: string): string {
  return `${cardNo.slice(0, 6)}${stars(cardNo.length - 10)}${cardNo.slice(-4)}`;
}

/** A corporate account: its last 4 digits only. */
export function maskAccountNo(accountNo: string): string {
  return `${stars(accountNo.length - 4)}${accountNo.slice(-4)}`;
}

/** `13812345678` → `138****5678`. */
export function maskMobileNo(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** The most a merchant-number sequence may reach: the 8 digits after the area code. */
export const MERCHANT_SEQ_MAX = 99_999_999;
/** The most a terminal-id sequence may reach: the 6 digits after the area's first two. */
export const TERMINAL_SEQ_MAX = 999_999;

/** 商户号: `898` (the acquirer), the 4-digit area code and 8 digits of sequence = 15 digits. */
export function merchantNoOf(areaCode: string, seq: number): string {
  return `898${areaCode}${String(seq % (MERCHANT_SEQ_MAX + 1)).padStart(8, '0')}`;
}

/** 终端号: the first two digits of the area code and 6 digits of sequence = 8 characters. */
export function terminalIdOf(areaCode: string, seq: number): string {
  return `${areaCode.slice(0, 2)}${String(seq % (TERMINAL_SEQ_MAX + 1)).padStart(6, '0')}`;
}
