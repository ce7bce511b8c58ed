// Goal: a snapshot decides a sale only while it is fresh, for its batch, for a voucher after the
// newest one handled and with the service's rate known, and a void only of a sale recorded since;
// a terminal's sales take turns; the maps stay bounded. Method: the class alone on a fake clock.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../shared/clock.ts';
import { RECENT_SALES_MAX, SNAPSHOTS_MAX, TerminalSnapshots } from './terminal-snapshots.ts';
import type { TransactionRecord } from './model.ts';
import type { FeeRate, TerminalContext } from './store.ts';

const CTX: TerminalContext = {
  terminalId: 'T0000001',
  merchantId: 'm-1',
  merchantNo: '898310000000001',
  merchantStatus: 'active',
  terminalStatus: 'active',
  signedIn: true,
  currentBatchNo: 1,
  batchStatus: 'open',
  activeServices: ['card_credit', 'card_debit'],
};
const DEBIT: FeeRate = { rateBps: 50, capFen: 2000n };
const CREDIT: FeeRate = { rateBps: 60, capFen: null };
const SALE: TransactionRecord = {
  id: 't1',
  merchantId: 'm-1',
  terminalId: 'T0000001',
  batchNo: 1,
  voucherNo: 1,
  kind: 'sale',
  status: 'approved',
  outcomeCode: null,
  amountFen: 1_000n,
  feeFen: 5n,
  feeRateBps: 50,
  service: 'card_debit',
  paymentMethod: 'card',
  panMasked: '622202******0001',
  cardOrg: 'CUP',
  rrn: '000000000001',
  authCode: '123456',
  originalId: null,
  refundedFen: 0n,
  businessDate: '2026-11-24',
  requestHash: 'h',
  createdAt: new Date('2026-11-24T02:00:00Z'),
  closedAt: null,
};
const key = (voucherNo: number, batchNo = 1) => ({ terminalId: 'T0000001', batchNo, voucherNo });

function snapshots(ttlMs = 60_000) {
  const clock = new FakeClock('2026-11-24T02:00:00Z');
  return { clock, s: new TerminalSnapshots(clock, ttlMs) };
}

describe('terminal snapshots', () => {
  it('serve a later voucher of the same batch with the rate of the service read', () => {
    const { s } = snapshots();
    expect(s.usable(key(2), 'card_debit')).toBeUndefined();
    s.remember(key(1), CTX, 'card_debit', DEBIT);
    expect(s.usable(key(2), 'card_debit')).toEqual({ ctx: CTX, rate: DEBIT });
    expect(s.usable(key(1), 'card_debit')).toBeUndefined(); // a retransmission
    expect(s.usable(key(2, 2), 'card_debit')).toBeUndefined(); // another batch
    expect(s.usable(key(2), 'card_credit')).toBeUndefined(); // no rate read yet
  });

  it('keep the rates of the same merchant and drop them for another', () => {
    const { s } = snapshots();
    s.remember(key(1), CTX, 'card_debit', DEBIT);
    s.remember(key(2), CTX, 'card_credit', CREDIT);
    expect(s.usable(key(3), 'card_debit')?.rate).toEqual(DEBIT);
    expect(s.usable(key(3), 'card_credit')?.rate).toEqual(CREDIT);
    s.remember(key(3), CTX, 'card_credit', undefined);
    expect(s.usable(key(4), 'card_credit')).toBeUndefined();
    s.remember(key(4), { ...CTX, merchantId: 'm-2' }, 'card_credit', CREDIT);
    expect(s.usable(key(5), 'card_debit')).toBeUndefined();
  });

  it('expire after their time since the last confirmation, and never serve with no time', () => {
    const { clock, s } = snapshots(1_000);
    s.remember(key(1), CTX, 'card_debit', DEBIT);
    clock.advance(900);
    s.confirmed(key(2));
    clock.advance(900);
    expect(s.usable(key(3), 'card_debit')).toBeDefined();
    clock.advance(100);
    expect(s.usable(key(3), 'card_debit')).toBeUndefined();
    expect(s.size).toBe(0);
    const never = snapshots(0).s;
    never.remember(key(1), CTX, 'card_debit', DEBIT);
    expect(never.usable(key(2), 'card_debit')).toBeUndefined();
  });

  it('follow the newest request handled, and forget a terminal whose facts changed', () => {
    const { s } = snapshots();
    s.remember(key(1), CTX, 'card_debit', DEBIT);
    s.handled(key(5));
    expect(s.usable(key(5), 'card_debit')).toBeUndefined();
    expect(s.usable(key(6), 'card_debit')).toBeDefined();
    s.forget('T0000001');
    expect(s.usable(key(7), 'card_debit')).toBeUndefined();
  });

  it('serve a void of a sale recorded since, the newest sales only, until it is unsold', () => {
    const { s } = snapshots();
    s.remember(key(1), CTX, 'card_debit', DEBIT);
    const sold = (voucherNo: number) => ({ ...SALE, id: `t${voucherNo}`, voucherNo });
    for (let v = 2; v <= RECENT_SALES_MAX + 2; v++) s.sold(sold(v));
    const voidOf = (voucherNo: number) => s.usableForVoid(key(100), { batchNo: 1, voucherNo });
    expect(voidOf(2)).toBeUndefined(); // the oldest went
    expect(voidOf(RECENT_SALES_MAX + 2)?.original.id).toBe(`t${RECENT_SALES_MAX + 2}`);
    expect(voidOf(3)?.ctx).toEqual(CTX);
    s.unsold('T0000001', { batchNo: 1, voucherNo: 3 });
    expect(voidOf(3)).toBeUndefined();
    s.sold({ ...sold(4), merchantId: 'm-2' }); // not this terminal's merchant: ignored
    expect(voidOf(4)?.original.merchantId).toBe('m-1');
  });

  it("take a terminal's sales in turn, and other terminals' at once", async () => {
    const { s } = snapshots();
    const order: string[] = [];
    const endFirst = await s.turn('T0000001');
    const second = s.turn('T0000001').then((end) => (order.push('second'), end));
    const third = s.turn('T0000001').then((end) => (order.push('third'), end));
    const other = await s.turn('T0000002');
    order.push('other');
    await Promise.resolve();
    expect(order).toEqual(['other']);
    endFirst();
    (await second)();
    (await third)();
    other();
    expect(order).toEqual(['other', 'second', 'third']);
  });

  it('remember a bounded number of terminals, the longest unconfirmed going first', () => {
    const { s } = snapshots();
    const at = (i: number, voucherNo = 1) => ({ terminalId: `T${i}`, batchNo: 1, voucherNo });
    for (let i = 0; i <= SNAPSHOTS_MAX; i++) {
      s.remember(at(i), CTX, 'card_debit', DEBIT);
      // T0 is confirmed after T1 was read: T1 is now the one confirmed longest ago.
      if (i === 1) s.confirmed(at(0, 2));
    }
    expect(s.size).toBe(SNAPSHOTS_MAX);
    expect(s.usable(at(1, 2), 'card_debit')).toBeUndefined();
    expect(s.usable(at(0, 3), 'card_debit')).toBeDefined();
    expect(s.usable(at(2, 2), 'card_debit')).toBeDefined();
  });
});
