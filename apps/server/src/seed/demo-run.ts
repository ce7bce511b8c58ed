// Runs planned demo events through the engine and keeps what the seed needs to know: approved
// sales (for voids and later refunds) and counts for the summary.
import {
  unreachable,
  type BusinessDate,
  type Engine,
  type FakeClock,
  type Ids,
  type PaymentRules,
  type Random,
  type TransactionRecord,
} from '@shoudan/core';
import type { Db } from '@shoudan/db';
import type { DemoMerchantSpec } from './demo-data.ts';
import type { DemoPos } from './demo-pos.ts';
import type { DayEvent } from './demo-plan.ts';
import type { DemoMerchant } from './demo.ts';

export type RefundableSale = {
  readonly record: TransactionRecord;
  readonly pos: DemoPos;
  readonly merchantIndex: number;
  remainingFen: bigint;
  voided: boolean;
};

export type SeedStats = {
  /** Approved sales. */
  approved: number;
  /** Declined requests of every kind. */
  declined: number;
  voids: number;
  refunds: number;
  unbalancedBatches: number;
};

/** The state of one seeding run. */
export type Seeding = {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: FakeClock;
  readonly ids: Ids;
  readonly random: Random;
  readonly rules: PaymentRules;
  readonly merchants: DemoMerchant[];
  readonly specs: DemoMerchantSpec[];
  readonly pos: DemoPos[];
  readonly posByMerchant: DemoPos[][];
  readonly sales: Map<string, RefundableSale>;
  readonly stats: SeedStats;
  readonly settledDates: BusinessDate[];
  done: number;
  total: number;
  step(): void;
};

export async function runEvent(ctx: Seeding, event: DayEvent, date: BusinessDate): Promise<void> {
  switch (event.kind) {
    case 'sale': {
      const result = await event.pos.sale(event.amountFen, event.tender);
      if (!result.ok) {
        ctx.stats.declined += 1;
        return;
      }
      ctx.stats.approved += 1;
      const record = result.value.transaction;
      ctx.sales.set(event.saleId, {
        record,
        pos: event.pos,
        merchantIndex: event.pos.merchantIndex,
        remainingFen: record.amountFen,
        voided: false,
      });
      return;
    }
    case 'void': {
      const sale = ctx.sales.get(event.saleId);
      if (!sale) return; // the sale was declined: nothing to void
      const result = await event.pos.voidSale(sale.record);
      if (result.ok) sale.voided = true;
      count(ctx.stats, result.ok, 'voids');
      return;
    }
    case 'refund':
      await runRefund(ctx, event, date);
      return;
    default:
      unreachable(event, 'demo event');
  }
}

async function runRefund(
  ctx: Seeding,
  event: Extract<DayEvent, { kind: 'refund' }>,
  date: BusinessDate,
): Promise<void> {
  const candidates = [...ctx.sales.values()].filter(
    (s) =>
      s.merchantIndex === event.merchantIndex &&
      s.record.businessDate < date &&
      s.remainingFen > 0n &&
      !s.voided,
  );
  const sale = candidates[Math.floor(event.pick * candidates.length)];
  if (!sale) return;
  const half = (sale.remainingFen / 200n) * 100n; // about half, in whole yuan
  const amountFen = event.full || half === 0n ? sale.remainingFen : half;
  // Refunds go through the merchant's first terminal (any of its terminals may refund), so the
  // others keep the empty batch today's plan leaves them.
  const pos = ctx.posByMerchant[event.merchantIndex]?.[0] ?? sale.pos;
  const result = await pos.refund(sale.record, amountFen);
  if (result.ok) sale.remainingFen -= amountFen;
  count(ctx.stats, result.ok, 'refunds');
}

function count(stats: SeedStats, ok: boolean, kind: 'voids' | 'refunds'): void {
  if (ok) stats[kind] += 1;
  else stats.declined += 1;
}
