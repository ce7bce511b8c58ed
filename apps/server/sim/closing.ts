// The end of each day and of the run: the cutoff job (日切) with merchant settlement, the last
// reversals and settlements, and the final audit of balances, ledger and card network.
import { dateSummary, dueDates, keyOf, same, settleDay, type DayExpected } from './auditor.ts';
import { sendReversal, settleBatch } from './operations.ts';
import { choose, count, note, type Sim } from './sim-world.ts';

type SettleOrder = 'oldest_first' | 'newest_first' | 'later';

/**
 * The cutoff job: cuts off every due date, then settles merchants for the cut-off dates — as
 * the server does, oldest first; sometimes an operator settles by hand, newest first; sometimes
 * settlement waits for the next run. Then the next run is scheduled.
 */
export async function cutoffJob(sim: Sim, when: 'scheduled' | 'final'): Promise<void> {
  const a = sim.auditor;
  const due = dueDates(a);
  // Dates of earlier runs in the same database are cut off too; they are not this run's.
  const done = (await sim.engine.cutoffDue()).filter((c) => c.businessDate >= sim.firstDate);
  same(
    'dates cut off',
    done.map((c) => c.businessDate),
    due,
  );
  for (const c of done) {
    a.dates.set(c.businessDate, 'cut_off');
    same(`cutoff summary of ${c.businessDate}`, c.summary, dateSummary(a, c.businessDate));
    count(sim, 'cutoff.done');
    note(sim, 'cutoff', c.businessDate, c.summary.approvedSalesFen);
  }
  const order: SettleOrder =
    when === 'final'
      ? 'oldest_first'
      : choose(sim.random, [
          [85, 'oldest_first'],
          [5, 'newest_first'],
          [10, 'later'],
        ] as const);
  if (order !== 'later') {
    const ready = [...a.dates]
      .filter(([, s]) => s === 'cut_off')
      .map(([d]) => d)
      .sort();
    if (order === 'newest_first') ready.reverse();
    for (const date of ready) await settleDate(sim, date);
  }
  const next = a.cutoffOf(a.dateNow());
  sim.nextJobMs = next + sim.random.int(0, 600) * 1000;
}

/** Merchant settlement of one date: totals, each merchant's figures and statement. */
async function settleDate(sim: Sim, date: string): Promise<void> {
  const a = sim.auditor;
  const days = sim.merchantIds
    .map((_, m) => settleDay(a, date, m))
    .filter((d): d is DayExpected => d !== null);
  const result = await sim.engine.settleMerchants({ businessDate: date });
  const sum = (f: (d: DayExpected) => bigint) => days.reduce((s, d) => s + f(d), 0n);
  same(`settlement of ${date}`, result.ok && result.value, {
    businessDate: date,
    merchants: days.length,
    grossFen: sum((d) => d.grossFen),
    feeFen: sum((d) => d.feeFen),
    refundFen: sum((d) => d.refundFen),
    payoutFen: sum((d) => d.payoutFen),
    already: false,
  });
  for (const d of days) await expectMerchantDay(sim, date, d);
  a.dates.set(date, 'settled');
  sim.settledDates += 1;
  count(sim, 'settlement.done');
  note(
    sim,
    'settlement',
    date,
    sum((d) => d.payoutFen),
  );
}

async function expectMerchantDay(sim: Sim, date: string, d: DayExpected): Promise<void> {
  const merchantId = sim.merchantIds[d.merchant] ?? '';
  const [s] = await sim.stores.settlement.settlements(date, merchantId);
  const got = s && {
    merchant: d.merchant,
    saleCount: s.saleCount,
    grossFen: s.grossFen,
    feeFen: s.feeFen,
    refundCount: s.refundCount,
    refundFen: s.refundFen,
    d0FeeFen: s.d0FeeFen,
    carriedInFen: s.carriedInFen,
    netFen: s.netFen,
    payoutFen: s.payoutFen,
  };
  same(`settlement of merchant ${d.merchant} on ${date}`, got, d);
  // The statement lists exactly the sales still approved and the approved refunds: never a
  // voided or reversed sale.
  const listed = await sim.stores.settlement.statementTransactions(merchantId, date);
  const want = sim.auditor.list
    .filter(
      (e) =>
        e.merchant === d.merchant &&
        e.businessDate === date &&
        e.status === 'approved' &&
        e.kind !== 'void',
    )
    .map((e) => e.rrn ?? keyOf(e.key))
    .sort();
  same(`statement of merchant ${d.merchant} on ${date}`, listed.map((t) => t.rrn).sort(), want);
}

/**
 * The end of the run: every owed reversal is sent (the late sales arrive), every terminal
 * settles, and past the next cutoff the last dates are cut off and settled.
 */
export async function drain(sim: Sim): Promise<void> {
  sim.step += 1;
  for (const t of sim.terminals) {
    for (let i = 0; t.pending && i < 20; i++) await sendReversal(sim, t);
    t.pending = null;
  }
  for (const t of sim.terminals) await settleBatch(sim, t);
  const a = sim.auditor;
  const to = a.cutoffOf(a.dateNow()) + 60_000;
  sim.clock.advance(to - a.nowMs);
  a.nowMs = to;
  await cutoffJob(sim, 'final');
}

/** Balances per merchant, the ledger check, and the card network against the ledger. */
export async function finalChecks(sim: Sim): Promise<void> {
  const a = sim.auditor;
  let receivable = 0n;
  let expectedReceivable = 0n;
  const expected = await sim.stores.ledger.expectedBalances();
  for (const [m, merchantId] of sim.merchantIds.entries()) {
    const balance = await sim.engine.merchantBalance(merchantId);
    same(`balances of merchant ${m}`, balance, {
      pendingFen: a.pendingFen[m],
      payableFen: a.payableFen[m],
    });
    // Every date is settled: nothing of the merchant's is still pending.
    same(`pending of merchant ${m} after the last settlement`, balance.pendingFen, 0n);
    const rows = await sim.stores.ledger.balances(merchantId);
    receivable += rows.find((r) => r.account === 'network_receivable')?.balanceFen ?? 0n;
    expectedReceivable +=
      expected.find((r) => r.account === 'network_receivable' && r.merchantId === merchantId)
        ?.balanceFen ?? 0n;
  }
  const report = await sim.engine.checkLedger();
  same(
    'ledger check',
    { ok: report.ok, mismatches: report.mismatches },
    { ok: true, mismatches: [] },
  );
  sim.ledgerEntries = report.entryCount;
  // What cardholders were charged, three ways: the card network, the ledger, the transactions.
  same('charged at the network vs the ledger', sim.network.chargedFen(), receivable);
  same('ledger vs approved sales less refunds', receivable, expectedReceivable);
  same('ledger vs the auditor', receivable, a.chargedFen);
}
