// The checks the schemas refine with: business dates and the check digits of the numbers an
// applicant types. The one definition of the number checks: the browser validates forms with them,
// and @shoudan/core's onboarding rules re-export them (contracts imports only zod).

/** A `YYYY-MM-DD` that is a real calendar date: a business date (core re-exports it). */
export function isBusinessDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

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

/** The check character of the first 17 characters of a credit code. */
export function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARS.indexOf(body[i] ?? '') * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

/** A unified social credit code (统一社会信用代码, GB 32100), upper case, with its check character. */
export function isValidCreditCode(text: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(text)) return false;
  return creditCodeCheckChar(text.slice(0, 17)) === text[17];
}

/** The Luhn check digit that follows `body`. */
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

/** A corporate account number (对公账号): banks share no check digit, so 6 to 32 digits. */
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
