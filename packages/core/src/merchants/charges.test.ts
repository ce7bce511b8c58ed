// Goal: a deposit is refunded whole and a prepaid fee by its unused days, rounded half-up, and the
// entries of receiving and closing out a charge balance and leave nothing held. Method: worked
// examples, and fast-check over amounts and periods.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/business-date.ts';
import { DefectError } from '../shared/assert.ts';
import { proRataFen } from '../shared/money.ts';
import {
  calendarDateOf,
  chargeClosedEntry,
  chargeReceivedEntry,
  closeOutCharge,
  refundTotals,
  type Charge,
} from './charges.ts';

const M = '0190a000-0000-7000-8000-000000000001';
const meta = { id: 'e1', businessDate: '2026-12-01', createdAt: new Date('2026-12-01T02:00:00Z') };

const deposit: Charge = {
  id: 'c1',
  merchantId: M,
  kind: 'deposit',
  service: null,
  amountFen: 9_900n,
  paidAt: new Date('2026-01-01T02:00:00Z'),
  coversFrom: null,
  coversUntil: null,
};

const fee: Charge = {
  ...deposit,
  id: 'c2',
  kind: 'service_fee',
  service: 'd0_settlement',
  amountFen: 36_500n,
  coversFrom: '2026-01-01',
  coversUntil: '2026-12-31',
};

describe('close-out of a charge', () => {
  it('refunds a deposit whole', () => {
    expect(closeOutCharge(deposit, '2026-12-01')).toMatchObject({
      refundFen: 9_900n,
      earnedFen: 0n,
    });
  });

  it('refunds the days of a fee after the closing day, the closing day used', () => {
    // 365 days, ¥365: ¥1 a day; closed on 12-01, 30 days (12-02 … 12-31) are left.
    expect(closeOutCharge(fee, '2026-12-01')).toEqual({
      chargeId: 'c2',
      kind: 'service_fee',
      amountFen: 36_500n,
      refundFen: 3_000n,
      earnedFen: 33_500n,
      daysCovered: 365,
      daysLeft: 30,
    });
    expect(closeOutCharge(fee, '2026-12-31').refundFen).toBe(0n);
    expect(closeOutCharge(fee, '2027-03-01').refundFen).toBe(0n);
    // Closed before the period starts: nothing was used.
    expect(closeOutCharge(fee, '2025-12-20').refundFen).toBe(36_500n);
  });

  it('rounds half-up in fen', () => {
    // ¥1.00 over 3 days with 1 left: 33.33… → 33; 2 left: 66.66… → 67; 0.5 fen rounds up.
    const small = { ...fee, amountFen: 100n, coversFrom: '2026-12-01', coversUntil: '2026-12-03' };
    expect(closeOutCharge(small, '2026-12-02').refundFen).toBe(33n);
    expect(closeOutCharge(small, '2026-12-01').refundFen).toBe(67n);
    expect(proRataFen(1n, 1n, 2n)).toBe(1n);
    expect(proRataFen(3n, 1n, 2n)).toBe(2n);
    expect(proRataFen(5n, 1n, 4n)).toBe(1n);
    expect(() => proRataFen(5n, 5n, 4n)).toThrow(DefectError);
  });

  it('refuses a malformed charge as a defect', () => {
    expect(() => closeOutCharge({ ...deposit, amountFen: 0n }, '2026-12-01')).toThrow(DefectError);
    expect(() => closeOutCharge({ ...fee, coversUntil: null }, '2026-12-01')).toThrow(DefectError);
    expect(() =>
      closeOutCharge({ ...fee, coversFrom: '2026-12-31', coversUntil: '2026-01-01' }, '2026-12-01'),
    ).toThrow(DefectError);
  });

  it('adds refunds up by kind', () => {
    const outs = [closeOutCharge(deposit, '2026-12-01'), closeOutCharge(fee, '2026-12-01')];
    expect(refundTotals(outs)).toEqual({
      depositRefundFen: 9_900n,
      feeRefundFen: 3_000n,
      feeEarnedFen: 33_500n,
    });
  });

  it('takes the Shanghai calendar date of the closing instant', () => {
    expect(calendarDateOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(calendarDateOf(new Date('2026-11-30T15:30:00Z'))).toBe('2026-11-30');
  });
});

describe('charge entries', () => {
  it('hold a deposit, then give it back', () => {
    const received = chargeReceivedEntry(deposit, meta);
    expect(received.kind).toBe('charge_received');
    expect(received.lines).toEqual([
      { account: 'charge_receipts', merchantId: M, amountFen: 9_900n },
      { account: 'merchant_deposit', merchantId: M, amountFen: -9_900n },
    ]);
    const closed = chargeClosedEntry(deposit, closeOutCharge(deposit, '2026-12-01'), meta);
    expect(closed.lines).toEqual([
      { account: 'merchant_deposit', merchantId: M, amountFen: 9_900n },
      { account: 'charge_receipts', merchantId: M, amountFen: -9_900n },
    ]);
  });

  test.prop([
    fc.bigInt({ min: 1n, max: 10n ** 12n }),
    fc.integer({ min: 0, max: 800 }),
    fc.integer({ min: -100, max: 900 }),
  ])('leave nothing held and balance, for any fee and closing day', (amountFen, days, closing) => {
    const charge: Charge = {
      ...fee,
      amountFen,
      coversFrom: '2026-01-01',
      coversUntil: addDays('2026-01-01', days),
    };
    const out = closeOutCharge(charge, addDays('2026-01-01', closing));
    expect(out.refundFen >= 0n && out.refundFen <= amountFen).toBe(true);
    const lines = [
      ...chargeReceivedEntry(charge, meta).lines,
      ...chargeClosedEntry(charge, out, meta).lines,
    ];
    const balanceOf = (account: string) =>
      lines.filter((l) => l.account === account).reduce((a, l) => a + l.amountFen, 0n);
    expect(balanceOf('prepaid_fee')).toBe(0n);
    expect(balanceOf('charge_receipts')).toBe(amountFen - out.refundFen);
    expect(balanceOf('fee_income')).toBe(-out.earnedFen);
  });
});
