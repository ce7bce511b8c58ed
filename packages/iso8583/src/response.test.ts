// Goal: an answer starts from its request with MTI + 10 and the §4 echo fields. Method: vectors.
import { describe as group, expect, it } from 'vitest';
import { loadVector } from '../test/vectors.ts';
import { startResponse } from './index.ts';

function answerTo(name: string) {
  const result = startResponse(loadVector(name).frame.message);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

group('startResponse', () => {
  it('echoes 2 (from track 2), 3, 4, 11, 41, 42 of a swiped sale', () => {
    const expected = loadVector('sale-0210-approved').frame.message;
    expect(answerTo('sale-0200-magstripe')).toEqual({
      mti: '0210',
      pan: expected.pan,
      processingCode: '000000',
      amountFen: 1000n,
      stan: '000123',
      terminalId: '10000001',
      merchantNo: '898310048160001',
    });
  });

  it('echoes 14 when the request sent it', () => {
    expect(answerTo('sale-0200-chip')).toMatchObject({ mti: '0210', expiryDate: '2906' });
    expect(answerTo('reversal-0400')).toMatchObject({ mti: '0410', expiryDate: '2906' });
  });

  it('echoes 11, 41, 42 and 60 of a sign-in, and 48, 49, 63 of a settlement', () => {
    expect(answerTo('sign-in-0800-003')).toMatchObject({
      mti: '0810',
      stan: '000001',
      networkManagementCode: '003',
    });
    expect(answerTo('settlement-0500')).toMatchObject({
      mti: '0510',
      currencyCode: '156',
      operatorNo: '01 ',
    });
  });

  it('takes no PAN from an encrypted track', () => {
    const securityControl = '2610000000000000';
    const request = { mti: '0200', track2: '6212261234567890=2812', securityControl };
    const result = startResponse(request);
    expect(result.ok && result.value.pan).toBeUndefined();
  });

  it('refuses to answer an answer', () => {
    const result = startResponse({ mti: '0210' });
    expect(result.ok ? 'ok' : result.error.reason).toBe('invalid_mti');
  });
});
