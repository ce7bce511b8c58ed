// Goal: every journal entry the engine can build sums to zero. Method: fast-check on the builders.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DefectError } from '../shared/assert.ts';
import { settleMerchantDay, type MerchantDayTotals } from '../settlement/model.ts';
import { settlementEntry } from '../settlement/settle-merchants.ts';
import {
  ACCOUNTS,
  balancedEntry,
  oppositeLines,
  refundLines,
  saleLines,
  type JournalEntry,
  type JournalLine,
} from './model.ts';

const AT = new Date('2026-11-24T02:00:00Z');
const MERCHANT = '0192b3c4-0000-7000-8000-000000000001';

function entry(lines: readonly JournalLine[]): JournalEntry {
  return {
    id: '0192b3c4-0000-7000-8000-0000000000e1',
    kind: 'sale',
    merchantId: MERCHANT,
    transactionId: null,
    settlementId: null,
    businessDate: '2026-11-24',
    createdAt: AT,
    lines,
  };
}

const sumOf = (lines: readonly JournalLine[]) => lines.reduce((a, l) => a + l.amountFen, 0n);

/** Net movement per account and merchant, to compare entries by effect. */
function effect(lines: readonly JournalLine[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const l of lines) {
    const key = `${l.account}|${l.merchantId ?? ''}`;
    out.set(key, (out.get(key) ?? 0n) + l.amountFen);
  }
  return out;
}

/** A sale amount and a fee between zero and the amount. */
const saleAmounts = fc
  .bigInt({ min: 1n, max: 10n ** 12n })
  .chain((a) => fc.tuple(fc.constant(a), fc.bigInt({ min: 0n, max: a })));

const money = fc.bigInt({ min: 0n, max: 10n ** 12n });

/** What a merchant's day can add up to: fees within the gross, a carried debt ≤ 0, maybe D0. */
const dayTotals: fc.Arbitrary<MerchantDayTotals> = fc
  .record({
    gross: money,
    feeShare: fc.integer({ min: 0, max: 10_000 }),
    refundFen: fc.oneof(fc.constant(0n), money),
    carriedInFen: fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 12n), max: 0n })),
    d0: fc.option(
      fc.record({
        rateBps: fc.integer({ min: 0, max: 500 }),
        capFen: fc.option(money, { nil: null }),
      }),
      { nil: null },
    ),
  })
  .map((t) => ({
    merchantId: MERCHANT,
    merchantNo: '898310000000001',
    saleCount: t.gross > 0n ? 1 : 0,
    grossFen: t.gross,
    feeFen: (t.gross * BigInt(t.feeShare)) / 10_000n,
    refundCount: t.refundFen > 0n ? 1 : 0,
    refundFen: t.refundFen,
    carriedInFen: t.carriedInFen,
    d0Rate: t.d0,
  }));

describe('entries built from the payment lines', () => {
  test.prop([saleAmounts])('a sale balances and splits gross into net and fee', ([a, f]) => {
    const built = balancedEntry(entry(saleLines(MERCHANT, a, f)));
    expect(sumOf(built.lines)).toBe(0n);
    const moved = effect(built.lines);
    expect(moved.get(`network_receivable|${MERCHANT}`)).toBe(a);
    expect(moved.get(`merchant_pending|${MERCHANT}`) ?? 0n).toBe(-(a - f));
    expect(moved.get('fee_income|') ?? 0n).toBe(-f);
  });

  test.prop([money.filter((r) => r > 0n)])('a refund balances', (r) => {
    expect(sumOf(balancedEntry(entry(refundLines(MERCHANT, r))).lines)).toBe(0n);
  });

  test.prop([saleAmounts])('the opposite of a sale balances and undoes it exactly', ([a, f]) => {
    const lines = saleLines(MERCHANT, a, f);
    const undo = balancedEntry(entry(oppositeLines(lines)));
    expect(sumOf(undo.lines)).toBe(0n);
    for (const total of effect([...lines, ...undo.lines]).values()) expect(total).toBe(0n);
    expect(oppositeLines(oppositeLines(lines))).toEqual(lines);
  });

  it('refuses sale amounts out of range and a refund of nothing', () => {
    expect(() => saleLines(MERCHANT, 0n, 0n)).toThrow(DefectError);
    expect(() => saleLines(MERCHANT, 100n, 101n)).toThrow(DefectError);
    expect(() => saleLines(MERCHANT, 100n, -1n)).toThrow(DefectError);
    expect(() => refundLines(MERCHANT, 0n)).toThrow(DefectError);
  });
});

describe('settlement entries', () => {
  test.prop([dayTotals])('balance, or are null when nothing moves', (totals) => {
    const s = settleMerchantDay(totals, '2026-11-24', 'settlement-1');
    expect(s.netFen).toBe(s.carriedInFen + s.grossFen - s.feeFen - s.refundFen - s.d0FeeFen);
    expect(s.payoutFen).toBe(s.netFen > 0n ? s.netFen : 0n);
    expect(s.carriedOutFen).toBe(s.netFen < 0n ? s.netFen : 0n);
    const built = settlementEntry(s, '0192b3c4-0000-7000-8000-0000000000e2', AT);
    if (built === null) {
      expect(s.grossFen - s.feeFen).toBe(0n);
      expect(s.payoutFen).toBe(0n);
      return;
    }
    expect(sumOf(built.lines)).toBe(0n);
    const moved = effect(built.lines);
    expect(moved.get(`merchant_pending|${MERCHANT}`) ?? 0n).toBe(s.grossFen - s.feeFen);
    expect(moved.get(`settlement_payout|${MERCHANT}`) ?? 0n).toBe(-s.payoutFen);
    expect(moved.get('fee_income|') ?? 0n).toBe(-s.d0FeeFen);
  });
});

describe('balancedEntry', () => {
  const account = fc.constantFrom(...ACCOUNTS);
  const line = fc.record({
    account,
    merchantId: fc.constantFrom(MERCHANT, null),
    amountFen: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
  });

  test.prop([fc.array(line, { minLength: 1, maxLength: 8 })])(
    'accepts exactly the entries that sum to zero with two non-zero lines',
    (lines) => {
      const nonZero = lines.filter((l) => l.amountFen !== 0n);
      const fine = sumOf(lines) === 0n && nonZero.length >= 2;
      if (fine) expect(balancedEntry(entry(lines)).lines).toEqual(nonZero);
      else expect(() => balancedEntry(entry(lines))).toThrow(DefectError);
    },
  );

  const off = fc.bigInt({ min: 1n, max: 10n ** 6n });
  test.prop([fc.array(line, { minLength: 2, maxLength: 8 }), off])(
    'rejects a balanced entry knocked off by any amount',
    (lines, by) => {
      const closing: JournalLine = {
        account: 'fee_income',
        merchantId: null,
        amountFen: -sumOf(lines),
      };
      const balanced = [...lines, closing];
      const [first, ...rest] = balanced;
      if (!first) return;
      const broken = [{ ...first, amountFen: first.amountFen + by }, ...rest];
      expect(() => balancedEntry(entry(broken))).toThrow(DefectError);
    },
  );

  it('rejects a single line and drops zero lines', () => {
    const one: JournalLine = { account: 'fee_income', merchantId: null, amountFen: 0n };
    expect(() => balancedEntry(entry([one]))).toThrow(DefectError);
    const lines = saleLines(MERCHANT, 100n, 0n);
    expect(balancedEntry(entry(lines)).lines).toHaveLength(2);
  });
});
