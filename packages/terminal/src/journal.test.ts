import { describe, expect, it } from 'vitest';
import { closeBatch, findSale } from './journal.ts';
import type { JournalEntry } from './state.ts';

function entry(voucherNo: string, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    kind: 'sale',
    batchNo: '000001',
    voucherNo,
    amountFen: 100n,
    maskedPan: '622202******1234',
    entryMode: '012',
    rrn: `00000000${voucherNo}`.slice(-12),
    responseCode: '00',
    at: new Date('2026-12-04T02:00:00Z'),
    operatorNo: '01 ',
    settled: false,
    ...extra,
  };
}

describe('findSale', () => {
  it('finds an open sale, and tells a voided one from one never made', () => {
    const journal = [
      entry('000001'),
      entry('000002', { voidedByVoucherNo: '000003' }),
      entry('000003', { kind: 'void', originalVoucherNo: '000002' }),
    ];
    expect(findSale(journal, '000001')).toEqual({ kind: 'found', sale: journal[0] });
    expect(findSale(journal, '000002')).toEqual({ kind: 'already_voided' });
    // A void's own voucher number names no sale.
    expect(findSale(journal, '000003')).toEqual({ kind: 'original_not_found' });
    expect(findSale(journal, '000009')).toEqual({ kind: 'original_not_found' });
  });

  it('prefers the open batch when the voucher numbers came round again', () => {
    const settled = closeBatch([entry('000007', { amountFen: 1n })]);
    const open = entry('000007', { batchNo: '000002', amountFen: 2n });
    const journal = [...settled, entry('000006', { batchNo: '000002' }), open];
    expect(findSale(journal, '000007')).toEqual({ kind: 'found', sale: open });
  });

  it('explains a sale of a settled batch', () => {
    const journal = [...closeBatch([entry('000004')]), entry('000005', { batchNo: '000002' })];
    expect(findSale(journal, '000004')).toEqual({ kind: 'batch_settled' });
  });
});
