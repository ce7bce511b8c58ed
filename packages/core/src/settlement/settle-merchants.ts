// Merchant settlement (商户结算) of a cut-off business date: per merchant gross, fees, refunds,
// D0 fee and net; moves pending to payable and instructs payouts. Safe to run again after a crash:
// merchants already settled for the date are skipped.
import { cutoffInstantOf, type BusinessDate } from '../shared/business-date.ts';
import type { Ids } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import { balancedEntry, type JournalEntry, type JournalLine } from '../ledger/model.ts';
import type { CutoffDeps } from './cutoff.ts';
import { settleMerchantDay, type MerchantSettlement } from './model.ts';

export type SettleDeps = CutoffDeps & { readonly ids: Ids };

export type SettleMerchantsInput = {
  readonly businessDate: BusinessDate;
  /** Merchants settled per database transaction. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
};

export type DateSettled = {
  readonly businessDate: BusinessDate;
  readonly merchants: number;
  readonly grossFen: bigint;
  readonly feeFen: bigint;
  readonly refundFen: bigint;
  readonly payoutFen: bigint;
  readonly already: boolean;
};

/** Outcomes: business_date_not_cut_off (run the cutoff first). */
export async function settleMerchants(
  deps: SettleDeps,
  input: SettleMerchantsInput,
): Promise<Result<DateSettled, Outcome>> {
  const date = input.businessDate;
  const status = await deps.store.businessDateStatus(date);
  if (status === 'settled') return ok(summarize(date, await deps.store.settlements(date), true));
  if (status !== 'cut_off') return err(outcome('business_date_not_cut_off'));
  const at = deps.clock.now();
  const totals = await deps.store.merchantDayTotals(
    date,
    cutoffInstantOf(date, deps.rules.cutoffTime),
  );
  const chunk = input.chunkSize ?? 500;
  for (let i = 0; i < totals.length; i += chunk) {
    const slice = totals.slice(i, i + chunk);
    await deps.store.transaction(async (tx) => {
      const carried = await tx.lockCarriedIn(
        slice.map((t) => t.merchantId),
        date,
      );
      const part = slice.map((t) =>
        settleMerchantDay(
          { ...t, carriedInFen: carried.get(t.merchantId) ?? 0n },
          date,
          deps.ids.next(),
        ),
      );
      const entries: JournalEntry[] = [];
      for (const s of part) {
        const entry = settlementEntry(s, deps.ids.next(), at);
        if ((await tx.insertSettlement(s, at)) && entry) entries.push(entry);
      }
      await tx.postEntries(entries);
    });
    input.onProgress?.(Math.min(i + chunk, totals.length), totals.length);
  }
  await deps.store.transaction((tx) => tx.setBusinessDateStatus(date, 'settled', at));
  return ok(summarize(date, await deps.store.settlements(date), false));
}

/**
 * Pending (net of fees) becomes payable; the D0 fee and the payout come out of payable. Null when
 * nothing moves (a day of refunds only: they were posted when made).
 */
export function settlementEntry(s: MerchantSettlement, id: string, at: Date): JournalEntry | null {
  const m = s.merchantId;
  const salesNet = s.grossFen - s.feeFen;
  const lines: JournalLine[] = [
    { account: 'merchant_pending', merchantId: m, amountFen: salesNet },
    { account: 'merchant_payable', merchantId: m, amountFen: -salesNet },
    { account: 'merchant_payable', merchantId: m, amountFen: s.d0FeeFen },
    { account: 'fee_income', merchantId: null, amountFen: -s.d0FeeFen },
    { account: 'merchant_payable', merchantId: m, amountFen: s.payoutFen },
    { account: 'settlement_payout', merchantId: m, amountFen: -s.payoutFen },
  ];
  if (lines.every((l) => l.amountFen === 0n)) return null;
  return balancedEntry({
    id,
    kind: 'settlement',
    merchantId: m,
    transactionId: null,
    settlementId: s.id,
    businessDate: s.businessDate,
    createdAt: at,
    lines,
  });
}

function summarize(
  date: BusinessDate,
  all: readonly MerchantSettlement[],
  already: boolean,
): DateSettled {
  const sum = (f: (s: MerchantSettlement) => bigint) => all.reduce((a, s) => a + f(s), 0n);
  return {
    businessDate: date,
    merchants: all.length,
    grossFen: sum((s) => s.grossFen),
    feeFen: sum((s) => s.feeFen),
    refundFen: sum((s) => s.refundFen),
    payoutFen: sum((s) => s.payoutFen),
    already,
  };
}
