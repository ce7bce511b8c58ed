// Plans one demo business day from the seeded random source: each terminal's sales at times of
// the day, a few voids right after their sale, and a refund of an earlier day's sale per merchant.
import type { BusinessDate, Random } from '@shoudan/core';
import { pickAmountFen, pickTender, type DemoMerchantSpec, type Tender } from './demo-data.ts';
import type { DemoPos } from './demo-pos.ts';

/** Share of sales a cashier voids a few minutes later (wrong amount, customer changed mind). */
const VOID_RATE = 0.12;
/** Chance per merchant per day after the first that a customer brings something back. */
const REFUND_RATE = 0.6;
/** Sales fall in the first 95 % of the window so their voids still fit inside it. */
const SALE_SPAN = 0.95;

export type DayWindow = { readonly startMs: number; readonly endMs: number };

export type DayEvent =
  | {
      readonly kind: 'sale';
      readonly atMs: number;
      readonly pos: DemoPos;
      readonly saleId: string;
      readonly amountFen: bigint;
      readonly tender: Tender;
    }
  | { readonly kind: 'void'; readonly atMs: number; readonly pos: DemoPos; readonly saleId: string }
  | {
      readonly kind: 'refund';
      readonly atMs: number;
      readonly merchantIndex: number;
      /** Which earlier sale, as a fraction of the merchant's refundable sales. */
      readonly pick: number;
      /** The whole remaining amount, or about half of it. */
      readonly full: boolean;
    };

export type DayPlan = {
  readonly date: BusinessDate;
  /** 0 for the first demo day. */
  readonly index: number;
  readonly window: DayWindow;
  /** In time order. */
  readonly events: readonly DayEvent[];
};

export type DayPlanInput = {
  readonly random: Random;
  readonly date: BusinessDate;
  readonly index: number;
  readonly window: DayWindow;
  readonly posByMerchant: readonly (readonly DemoPos[])[];
  readonly specs: readonly DemoMerchantSpec[];
};

export function planDay(input: DayPlanInput): DayPlan {
  const { random, date, window } = input;
  const span = window.endMs - window.startMs;
  const at = (fraction: number) => window.startMs + Math.floor(fraction * span);
  const events: DayEvent[] = [];
  input.posByMerchant.forEach((terminals, merchantIndex) => {
    const spec = input.specs[merchantIndex];
    if (!spec) return;
    for (const pos of terminals) {
      const sales = random.int(spec.salesMin, spec.salesMax);
      for (let i = 0; i < sales; i++) {
        const fraction = random.next() * SALE_SPAN;
        const saleId = `${pos.terminalId}/${date}/${i}`;
        const amountFen = pickAmountFen(random, spec);
        const tender = pickTender(random);
        events.push({ kind: 'sale', atMs: at(fraction), pos, saleId, amountFen, tender });
        if (random.next() < VOID_RATE) {
          const atMs = at(fraction + 0.01 + random.next() * 0.03);
          events.push({ kind: 'void', atMs, pos, saleId });
        }
      }
    }
    if (input.index > 0 && random.next() < REFUND_RATE) {
      const atMs = at(random.next() * SALE_SPAN);
      const pick = random.next();
      events.push({ kind: 'refund', atMs, merchantIndex, pick, full: random.next() < 0.4 });
    }
  });
  // A stable sort keeps a void after its sale even when both fall on the same millisecond.
  events.sort((a, b) => a.atMs - b.atMs);
  return { date, index: input.index, window, events };
}
