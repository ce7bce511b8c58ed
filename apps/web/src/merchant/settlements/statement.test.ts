// A statement's totals: lines of every kind summed exactly in bigint fen, and the check that they
// add up to the statement's net (and that a mismatch is seen). Pure, no DOM.
import type { StatementLineBody } from '@shoudan/contracts';
import { describe, expect, it } from 'vitest';
import { statementTotals } from './statement.ts';

function line(kind: StatementLineBody['kind'], amount: string, fee: string, net: string) {
  return {
    kind,
    at: null,
    terminalId: '31000101',
    voucherNo: '000001',
    rrn: '000000000001',
    panMasked: '',
    amountFen: amount,
    feeFen: fee,
    netFen: net,
  };
}

describe('statementTotals', () => {
  const lines = [
    line('carried_in', '0', '0', '-5000'),
    line('sale', '62650', '313', '62337'),
    line('sale', '13450', '51', '13399'),
    line('refund', '-35300', '0', '-35300'),
    line('d0_fee', '0', '200', '-200'),
  ];

  it('sums each kind and the net of the lines', () => {
    const totals = statementTotals({ lines, netFen: '35236' });
    expect(totals).toEqual({
      salesCount: 2,
      salesFen: 76100n,
      feeFen: 564n,
      refundsCount: 1,
      refundsFen: -35300n,
      d0FeeFen: -200n,
      carriedInFen: -5000n,
      amountFen: 40800n,
      linesNetFen: 35236n,
      addsUp: true,
    });
  });

  it('sees lines that do not add up to the net', () => {
    expect(statementTotals({ lines, netFen: '35237' }).addsUp).toBe(false);
  });

  it('adds up for an empty statement with a zero net', () => {
    expect(statementTotals({ lines: [], netFen: '0' }).addsUp).toBe(true);
  });
});
