// Goal: the deregistration checklist reports each pre-check of DESIGN.md from the facts alone,
// with what to do, and only a merchant with every check passed may apply. Method: pure facts in,
// checklist and outcome out.
import { describe, expect, it } from 'vitest';
import {
  DEREGISTRATION_CHECKS,
  deregistrationChecklist,
  mayDeregister,
  terminalReturned,
  type DeregistrationFacts,
} from './deregistration.ts';

const CLEAR: DeregistrationFacts = {
  merchantStatus: 'active',
  openBatches: [],
  unsettledSales: [],
  pendingRefunds: [],
  unpaidPayouts: [],
  pendingFen: 0n,
  payableFen: 0n,
  terminals: [
    { terminalId: 'T0000001', status: 'deactivated', frozenReason: null },
    { terminalId: 'T0000002', status: 'frozen', frozenReason: 'lost' },
  ],
};

const failing = (facts: DeregistrationFacts) =>
  deregistrationChecklist(facts)
    .checks.filter((c) => !c.passed)
    .map((c) => c.key);

describe('deregistration checklist', () => {
  it('passes every check, in order, with nothing to do, when all is settled and returned', () => {
    const list = deregistrationChecklist(CLEAR);
    expect(list.passed).toBe(true);
    expect(list.checks.map((c) => c.key)).toEqual([...DEREGISTRATION_CHECKS]);
    for (const c of list.checks) {
      expect(c.action).toEqual({ zh: '无需处理', en: 'Nothing to do' });
      expect(c.message.zh.length).toBeGreaterThan(0);
    }
    const ok = mayDeregister(CLEAR);
    expect(ok.ok).toBe(true);
  });

  it('fails one check per unmet condition, saying what was found and what to do', () => {
    const facts: DeregistrationFacts = {
      ...CLEAR,
      openBatches: [{ terminalId: 'T0000001', batchNo: 3, transactionCount: 2 }],
      unsettledSales: [{ businessDate: '2026-11-24', count: 2, amountFen: 15_000n }],
      pendingRefunds: [{ businessDate: '2026-11-25', count: 1, amountFen: 500n }],
      unpaidPayouts: [{ businessDate: '2026-11-23', payableDate: '2026-11-24', payoutFen: 9_950n }],
      pendingFen: 14_925n,
      payableFen: -300n,
      terminals: [
        { terminalId: 'T0000001', status: 'active', frozenReason: null },
        { terminalId: 'T0000002', status: 'frozen', frozenReason: 'risk' },
        { terminalId: 'T0000003', status: 'frozen', frozenReason: 'lost' },
      ],
    };
    const list = deregistrationChecklist(facts);
    expect(list.passed).toBe(false);
    expect(failing(facts)).toEqual([...DEREGISTRATION_CHECKS]);
    const byKey = new Map(list.checks.map((c) => [c.key, c]));
    expect(byKey.get('batches_settled')?.message.en).toBe(
      '1 terminal batch(es) still hold transactions',
    );
    expect(byKey.get('batches_settled')?.action.zh).toContain('结算');
    expect(byKey.get('sales_settled')?.detail).toEqual({
      days: [{ businessDate: '2026-11-24', count: 2, amountFen: '15000' }],
    });
    expect(byKey.get('refunds_settled')?.message.zh).toBe('1 笔退货尚未结算（2026-11-25）');
    expect(byKey.get('payouts_paid')?.message.en).toBe('1 payout(s) of ¥99.50 not yet paid');
    expect(byKey.get('balances_zero')?.message.en).toBe(
      'Balances are not zero: pending ¥149.25, payable ¥-3.00',
    );
    expect(byKey.get('balances_zero')?.detail).toEqual({ pendingFen: '14925', payableFen: '-300' });
    // A terminal frozen for another reason than loss is still the merchant's to return.
    expect(byKey.get('terminals_returned')?.detail).toEqual({
      terminals: [
        { terminalId: 'T0000001', status: 'active', frozenReason: null },
        { terminalId: 'T0000002', status: 'frozen', frozenReason: 'risk' },
      ],
    });
  });

  it('refuses with the failing keys, or merchant_closed for a closed merchant', () => {
    const blocked = mayDeregister({ ...CLEAR, pendingFen: 1n });
    expect(!blocked.ok && blocked.outcome).toEqual({
      code: 'deregistration_blocked',
      detail: { failedChecks: 'balances_zero', failedCount: 1 },
    });
    const two = mayDeregister({
      ...CLEAR,
      openBatches: [{ terminalId: 'T0000001', batchNo: 1, transactionCount: 1 }],
      terminals: [{ terminalId: 'T0000001', status: 'pending_activation', frozenReason: null }],
    });
    expect(!two.ok && two.outcome.detail?.['failedChecks']).toBe(
      'batches_settled,terminals_returned',
    );
    const closed = mayDeregister({ ...CLEAR, merchantStatus: 'closed' });
    expect(!closed.ok && closed.outcome.code).toBe('merchant_closed');
  });

  it('counts a merchant without terminals as having returned them all', () => {
    expect(failing({ ...CLEAR, terminals: [] })).toEqual([]);
    expect(terminalReturned({ terminalId: 'x', status: 'frozen', frozenReason: null })).toBe(false);
  });
});
