// Goal: the server validates what the browser validates. The number checks are defined here
// once and @shoudan/core re-exports them; the business-date check is core's own, so this copy
// must answer as core's does on every input. Method: identity of the re-exports, and property
// tests of the date check on random strings, real dates and their one-character changes.
import { fc, test } from '@fast-check/vitest';
import * as core from '@shoudan/core';
import { describe, expect, it } from 'vitest';
import * as checks from './checks.ts';

describe('the checks the schemas refine with', () => {
  it('are the very functions core uses for onboarding', () => {
    for (const name of [
      'isValidIdCardNo',
      'isValidCreditCode',
      'isValidBankCardNo',
      'isValidAccountNo',
      'isValidMobileNo',
      'isValidAreaCode',
      'idCardCheckChar',
      'creditCodeCheckChar',
      'luhnCheckDigit',
    ] as const) {
      expect(core[name], name).toBe(checks[name]);
    }
  });

  test.prop([fc.string({ maxLength: 12 })])('agree with core on business dates', (text) => {
    expect(checks.isBusinessDate(text)).toBe(core.isBusinessDate(text));
  });

  test.prop([
    fc.date({ min: new Date('1800-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
  ])('agree with core on real dates and every one-digit change', (at) => {
    const text = at.toISOString().slice(0, 10);
    expect(checks.isBusinessDate(text)).toBe(true);
    for (let i = 0; i < text.length; i++) {
      for (const c of '0123456789') {
        const t = `${text.slice(0, i)}${c}${text.slice(i + 1)}`;
        expect(checks.isBusinessDate(t), t).toBe(core.isBusinessDate(t));
      }
    }
  });

  it('accept the published examples', () => {
    expect(checks.isValidIdCardNo('11010519491231002X')).toBe(true);
    expect(checks.isBusinessDate('2028-02-29')).toBe(true);
    expect(checks.isBusinessDate('2026-02-29')).toBe(false);
  });
});
