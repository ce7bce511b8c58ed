// Goal: every domain outcome has a field 39 code a CUP terminal knows, and the sign-in-again and
// text rules hold. Method: the table itself against the code list of shared/cup-8583.md §6.
import { describe, expect, it } from 'vitest';
import { OUTCOME_CODES, OUTCOMES } from '@shoudan/core';
import {
  answerTextOf,
  processingRequestOf,
  RESPONSE_CODES,
  responseCodeOf,
} from '../../src/gateway/response-codes.ts';

/** Field 39 codes of §6. */
const CUP_CODES = new Set(
  (
    '00 01 03 04 05 10 11 12 13 14 15 21 22 25 30 34 38 40 41 43 45 51 54 55 57 58 59 61 62 64 ' +
    '65 68 75 90 91 92 94 96 97 98 99 A0'
  ).split(' '),
);

describe('response codes', () => {
  it.each(OUTCOME_CODES)('%s has a CUP code that declines', (code) => {
    const responseCode = responseCodeOf(code);
    expect(CUP_CODES.has(responseCode)).toBe(true);
    expect(['00', '10', '11']).not.toContain(responseCode);
    expect(answerTextOf(code)).toBe(OUTCOMES[code].zh);
  });

  it('maps the outcomes a cashier meets as the decision log says', () => {
    expect(RESPONSE_CODES).toMatchObject({
      terminal_not_found: '97',
      terminal_frozen: '58',
      terminal_not_active: '58',
      terminal_not_signed_in: 'A0',
      merchant_not_active: '03',
      service_not_active: '57',
      batch_not_open: '22',
      original_not_found: '25',
      amount_mismatch: '64',
      void_window_closed: '12',
      insufficient_funds: '51',
      wrong_pin: '55',
      card_expired: '54',
      card_declined: '05',
      network_timeout: '98',
      duplicate_with_different_content: '94',
      invalid_amount: '13',
      invalid_card_number: '14',
      refund_exceeds_original: '61',
      refund_window_expired: '22',
    });
    expect(answerTextOf('void_window_closed')).toBe('已结算，请使用退货');
  });

  it('asks the terminal to sign in again only when its session is the problem', () => {
    const again = OUTCOME_CODES.filter((code) => processingRequestOf(code) === '3');
    expect(again.sort()).toEqual(['batch_not_open', 'terminal_not_signed_in']);
  });
});
