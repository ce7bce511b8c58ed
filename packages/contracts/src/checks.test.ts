// Goal: the server validates what the browser validates. The checks are defined here once and
// @shoudan/core re-exports them. Method: identity of the re-exports, a property test that every
// real calendar date is a business date, and the published examples.
import { fc, test } from '@fast-check/vitest';
import * as core from '@shoudan/core';
import { describe, expect, it } from 'vitest';
import * as checks from './checks.ts';

describe('the checks the schemas refine with', () => {
  it('are the very functions core uses for onboarding', () => {
    for (const name of [
      'isBusinessDate',
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

  test.prop([
    fc.date({ min: new Date('1800-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
  ])('take every real calendar date as a business date', (at) => {
    expect(checks.isBusinessDate(at.toISOString().slice(0, 10))).toBe(true);
  });

  it('accept the published examples', () => {
    expect(checks.isValidIdCardNo('11010519491231002X')).toBe(true);
    expect(checks.isBusinessDate('2028-02-29')).toBe(true);
    expect(checks.isBusinessDate('2026-02-29')).toBe(false);
  });
});
