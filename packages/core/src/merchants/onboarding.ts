// Onboarding (进件) rules: the check digits of the numbers an applicant types (ID card, unified
// social credit code, bank card, mobile number), how each is masked for display, and the shape of
// merchant numbers and terminal ids given at approval. Pure functions: no I/O, no clock.

/** GB 11643-1999: weights of the first 17 digits of a citizen ID number. */
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999: check character by the weighted sum modulo 11. */
const ID_CARD_CHECK = '10X98765432';

/** The check character (`0`–`9` or `X`) of the 17 digits `body`. */
export function idCardCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK[sum % 11] ?? '';
}

/**
 * A mainland resident ID number (居民身份证号码, GB 11643): 18 characters, a 6-digit region whose
 * first digit is not 0, a real birth date from 1900 on, a 3-digit sequence and the check
 * character (`X` upper case).
 */
export function isValidIdCardNo(text: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(text)) return false;
  const year = Number(text.slice(6, 10));
  const month = Number(text.slice(10, 12));
  const day = Number(text.slice(12, 14));
  if (year < 1900 || !isCalendarDate(year, month, day)) return false;
  return idCardCheckChar(text.slice(0, 17)) === text[17];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** GB 32100-2015: the 31 characters of a credit code (no I, O, S, V, Z), in value order. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015: weights of the first 17 characters (3^i mod 31). */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the 17 characters `body` of a unified social credit code. */
export function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARS.indexOf(body[i] ?? '') * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters of the code's alphabet
 * (upper case), the registering authority and the entity type, a 6-digit region, the 9-character
 * organisation code and the check character.
 */
export function isValidCreditCode(text: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(text)) return false;
  return creditCodeCheckChar(text.slice(0, 17)) === text[17];
}

/** The Luhn (ISO/IEC 7812) check digit of the digits `body`. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Doubling starts from the rightmost digit of the body (the check digit goes after it).
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A bank card number (银行卡号): 13 to 19 digits whose last is the Luhn check digit. */
export function isValidBankCardNo(text: string): boolean {
  if (!/^\d{13,19}$/.test(text)) return false;
  return luhnCheckDigit(text.slice(0, -1)) === text.slice(-1);
}

/**
 * A corporate account number (对公账号): banks number them in their own ways with no common
 * check digit, so only the form is checked: 6 to 32 digits.
 */
export function isValidAccountNo(text: string): boolean {
  return /^\d{6,32}$/.test(text);
}

/** A mainland mobile number: 11 digits, `1` then a network digit 3–9. */
export function isValidMobileNo(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text);
}

/** A 4-digit area code (地区码) of the merchant number, e.g. 3100 Shanghai, 1000 Beijing. */
export function isValidAreaCode(text: string): boolean {
  return /^[1-9]\d{3}$/.test(text);
}

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
