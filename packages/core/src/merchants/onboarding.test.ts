// Goal: the onboarding number checks accept real numbers and refuse any one-character change,
// and the masks never show the hidden part. Method: published sample numbers (GB 11643's own
// example, companies' public credit codes), generated numbers and single-character mutations.
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  idCardCheckChar,
  isValidAccountNo,
  isValidAreaCode,
  isValidBankCardNo,
  isValidCreditCode,
  isValidIdCardNo,
  isValidMobileNo,
  luhnCheckDigit,
  maskAccountNo,
  maskBankCardNo,
  maskIdCardNo,
  maskMobileNo,
  merchantNoOf,
  terminalIdOf,
} from './onboarding.ts';

/** Every string that differs from `text` in one position, over `alphabet`. */
function mutations(text: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (const c of alphabet) {
      if (c !== text[i]) out.push(`${text.slice(0, i)}${c}${text.slice(i + 1)}`);
    }
  }
  return out;
}

describe('ID card numbers (GB 11643)', () => {
  it("accepts the standard's example and numbers with a computed check character", () => {
    expect(isValidIdCardNo('11010519491231002X')).toBe(true);
    const body = '31010419900307123';
    expect(isValidIdCardNo(`${body}${idCardCheckChar(body)}`)).toBe(true);
  });

  it('refuses every single-digit change of a valid number', () => {
    const valid = '11010519491231002X';
    const changed = mutations(valid, '0123456789X').filter(isValidIdCardNo);
    // A change in the birth date may still be a date, but then the check character is wrong.
    expect(changed).toEqual([]);
  });

  it('refuses impossible birth dates, a lower-case x and the wrong length', () => {
    const withCheck = (body: string) => `${body}${idCardCheckChar(body)}`;
    expect(isValidIdCardNo(withCheck('11010519490230002'))).toBe(false);
    expect(isValidIdCardNo(withCheck('11010518991231002'))).toBe(false);
    expect(isValidIdCardNo(withCheck('11010520000229002'))).toBe(true);
    expect(isValidIdCardNo(withCheck('11010519000229002'))).toBe(false);
    expect(isValidIdCardNo('11010519491231002x')).toBe(false);
    expect(isValidIdCardNo('110105491231002')).toBe(false);
    expect(isValidIdCardNo(withCheck('01010519491231002'))).toBe(false);
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it("accepts companies' public codes", () => {
    for (const code of ['914403001922038216', '91330100716105852F', '9144030071526726XG']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses every single-character change and letters outside the alphabet', () => {
    const valid = '91330100716105852F';
    expect(mutations(valid, '0123456789ABCDEFGHJKLMNPQRTUWXY').filter(isValidCreditCode)).toEqual(
      [],
    );
    const body = '91330100MA2B3C4D5';
    expect(isValidCreditCode(`${body}${creditCodeCheckChar(body)}`)).toBe(true);
    expect(isValidCreditCode('91330100716105852I')).toBe(false);
    expect(isValidCreditCode('9133A100716105852F')).toBe(false);
    expect(isValidCreditCode('91330100716105852f')).toBe(false);
  });
});

describe('bank card numbers (Luhn)', () => {
  it('accepts numbers with their Luhn digit, 13 to 19 digits', () => {
    expect(isValidBankCardNo('4111111111111111')).toBe(true);
    expect(isValidBankCardNo('6228480012345678903')).toBe(true);
    expect(luhnCheckDigit('621700001234567')).toBe('0');
    expect(isValidBankCardNo('6217000012345670')).toBe(true);
  });

  it('refuses every single-digit change, and the wrong length', () => {
    expect(mutations('6228480012345678903', '0123456789').filter(isValidBankCardNo)).toEqual([]);
    expect(isValidBankCardNo('42')).toBe(false);
    expect(isValidBankCardNo('62284800123456789030')).toBe(false);
  });
});

describe('other fields', () => {
  it('checks mobile numbers, account numbers and area codes by form', () => {
    expect(isValidMobileNo('13812345678')).toBe(true);
    expect(isValidMobileNo('12812345678')).toBe(false);
    expect(isValidMobileNo('1381234567')).toBe(false);
    expect(isValidAccountNo('310066726018800012345')).toBe(true);
    expect(isValidAccountNo('12345')).toBe(false);
    expect(isValidAreaCode('3100')).toBe(true);
    expect(isValidAreaCode('0310')).toBe(false);
  });
});

describe('masks', () => {
  it('hide all but the ends', () => {
    expect(maskIdCardNo('11010519491231002X')).toBe('1101**********002X');
    expect(maskBankCardNo('6228480012345678903')).toBe('622848*********8903');
    expect(maskAccountNo('310066726018800012345')).toBe('*****************2345');
    expect(maskMobileNo('13812345678')).toBe('138****5678');
  });
});

describe('numbers given at approval', () => {
  it('are 15-digit merchant numbers and 8-digit terminal ids', () => {
    expect(merchantNoOf('3100', 42)).toBe('898310000000042');
    expect(merchantNoOf('3100', 42)).toMatch(/^\d{15}$/);
    expect(terminalIdOf('3100', 7)).toBe('31000007');
  });
});
