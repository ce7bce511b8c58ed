// The demo seed: an acquirer fee plan, merchants with terminals, and a few past business days of
// activity driven through the engine on a fake clock (sales, declines, voids, refunds, terminal
// settlement, cutoff, merchant settlement), leaving today open with sales a cashier can void.
import {
  CardNetworkSimulator,
  FakeClock,
  addDays,
  assert,
  businessDateOf,
  createEngine,
  createIds,
  cutoffInstantOf,
  seededRandom,
  type BusinessDate,
  type PaymentRules,
  type Service,
} from '@shoudan/core';
import { createStores, schema, setup, type Db } from '@shoudan/db';
import {
  DEMO_FEE_PLAN,
  PAYMENT_SERVICES,
  merchantNoOf,
  merchantSpec,
  terminalIdOf,
} from './demo-data.ts';
import { recordDemoCharges } from './demo-charges.ts';
import { loadDemoKeys, type DemoKeys } from './demo-keys.ts';
import { DemoPos } from './demo-pos.ts';
import { planDay, type DayPlan } from './demo-plan.ts';
import { runEvent, type Seeding } from './demo-run.ts';

export const DEMO_LIMITS = {
  daysMin: 1,
  daysMax: 90,
  merchantsMin: 1,
  merchantsMax: 200,
  terminalsPerMerchant: 2,
} as const;

export type DemoSeedOptions = {
  /** The real present: past days are simulated before it, today's sales happen up to it. */
  readonly now: Date;
  readonly rules: PaymentRules;
  /** Past business days with full activity; default 3. */
  readonly days?: number;
  /** Default 6: the named demo merchants. */
  readonly merchants?: number;
  /** Seeds ids and choices: the same seed and `now` give the same data. */
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Load a TMK into every terminal and write the key-loading file (see demo-keys.ts). */
  readonly keys?: DemoKeys;
};

export type DemoMerchant = {
  readonly id: string;
  readonly merchantNo: string;
  readonly name: string;
  readonly merchantType: 'individual' | 'enterprise';
  readonly terminalIds: readonly string[];
  readonly d0: boolean;
  readonly revoked: Service | null;
};

export type DemoSummary = {
  /** True when the database already had merchants: nothing was written. */
  readonly skipped: boolean;
  readonly merchants: readonly DemoMerchant[];
  readonly terminals: number;
  /** Every transaction recorded (approved and declined). */
  readonly transactions: number;
  readonly approved: number;
  readonly declined: number;
  readonly voids: number;
  readonly refunds: number;
  /** Past business dates cut off and settled, oldest first. */
  readonly settledDates: readonly BusinessDate[];
  /** Today's business date, left open. */
  readonly openDate: BusinessDate;
  readonly unbalancedBatches: number;
  /** Terminals given a TMK, and the key-loading file written (null: none). */
  readonly terminalKeys: number;
  readonly keyLoadingFile: string | null;
};

const HOUR_MS = 3_600_000;

/** Seeds the demo world unless the database already has merchants (then it writes nothing). */
export async function seedDemo(db: Db, options: DemoSeedOptions): Promise<DemoSummary> {
  const days = options.days ?? 3;
  const count = options.merchants ?? 6;
  assert(days >= DEMO_LIMITS.daysMin && days <= DEMO_LIMITS.daysMax, 'demo days out of range');
  assert(
    count >= DEMO_LIMITS.merchantsMin && count <= DEMO_LIMITS.merchantsMax,
    'demo merchants out of range',
  );
  const today = businessDateOf(options.now, options.rules.cutoffTime);
  const skipped = { ...emptySummary(today), skipped: true };
  if ((await db.$count(schema.merchants)) > 0) return skipped;
  const seed = options.seed ?? 1;
  const pastDates = Array.from({ length: days }, (_, i) => addDays(today, i - days));
  const firstOpens = opensAt(pastDates[0] ?? today, options.rules).getTime();
  // Merchants were onboarded a week before the first demo day.
  const clock = new FakeClock(new Date(firstOpens - 7 * 24 * HOUR_MS));
  const ctx = createSeeding(db, options, clock, seed);
  await registerWorld(ctx, count);
  const terminalIds = ctx.pos.map((p) => p.terminalId);
  const terminalKeys = options.keys ? await loadDemoKeys(options.keys, terminalIds, clock) : 0;
  const plans: DayPlan[] = [...pastDates, today].map((date, index) =>
    planDay({
      random: ctx.random,
      date,
      index,
      window: dayWindow(date, options, date === today),
      // Today only each merchant's first terminal sells: the others keep an empty open batch for
      // a cashier to take over with `shoudan pos`, whose voucher numbers start afresh.
      posByMerchant:
        date === today ? ctx.posByMerchant.map((t) => t.slice(0, 1)) : ctx.posByMerchant,
      specs: ctx.specs,
    }),
  );
  const events = plans.reduce((n, p) => n + p.events.length, 0);
  ctx.total = 1 + events + pastDates.length * (ctx.pos.length + 2);
  ctx.step();
  for (const plan of plans) {
    await runDay(ctx, plan, plan.date === today);
  }
  return {
    ...emptySummary(today),
    merchants: ctx.merchants,
    terminals: ctx.pos.length,
    transactions: await db.$count(schema.transactions),
    ...ctx.stats,
    settledDates: ctx.settledDates,
    terminalKeys,
    keyLoadingFile: terminalKeys > 0 ? (options.keys?.keyLoadingFile ?? null) : null,
  };
}

function createSeeding(db: Db, options: DemoSeedOptions, clock: FakeClock, seed: number): Seeding {
  const ids = createIds(clock, seededRandom(seed));
  const network = new CardNetworkSimulator({ clock });
  const stores = createStores(db);
  const engine = createEngine({ stores, network, clock, ids, rules: options.rules });
  const ctx: Seeding = {
    db,
    engine,
    clock,
    ids,
    random: seededRandom(seed ^ 0x5eed),
    rules: options.rules,
    merchants: [],
    specs: [],
    pos: [],
    posByMerchant: [],
    sales: new Map(),
    stats: { approved: 0, declined: 0, voids: 0, refunds: 0, unbalancedBatches: 0 },
    settledDates: [],
    done: 0,
    total: 1,
    step: () => {
      ctx.done += 1;
      options.onProgress?.(ctx.done, ctx.total);
    },
  };
  return ctx;
}

async function registerWorld(ctx: Seeding, count: number): Promise<void> {
  const at = ctx.clock.now();
  const feePlanId = ctx.ids.next();
  await setup.createFeePlan(ctx.db, {
    id: feePlanId,
    name: DEMO_FEE_PLAN.name,
    at,
    rates: DEMO_FEE_PLAN.rates.map((r) => ({ ...r, id: ctx.ids.next(), effectiveFrom: at })),
  });
  for (let index = 0; index < count; index++) {
    const spec = merchantSpec(index);
    const id = ctx.ids.next();
    const merchantNo = merchantNoOf(spec, index);
    const services = spec.d0 ? [...PAYMENT_SERVICES, 'd0_settlement' as const] : PAYMENT_SERVICES;
    await setup.createMerchant(ctx.db, {
      id,
      merchantNo,
      name: spec.name,
      merchantType: spec.merchantType,
      feePlanId,
      services,
      at,
    });
    await recordDemoCharges(ctx.db, { ids: ctx.ids, rules: ctx.rules, merchantId: id, at });
    const terminals: DemoPos[] = [];
    for (let t = 0; t < DEMO_LIMITS.terminalsPerMerchant; t++) {
      const terminalId = terminalIdOf(spec, index, t);
      // Shipped terminals wait for their first sign-in to become active.
      await setup.createTerminal(ctx.db, {
        terminalId,
        merchantId: id,
        serialNo: `N86${terminalId}`,
        at,
        status: 'pending_activation',
      });
      terminals.push(new DemoPos(ctx.engine, terminalId, index));
    }
    ctx.specs.push(spec);
    ctx.pos.push(...terminals);
    ctx.posByMerchant.push(terminals);
    ctx.merchants.push({
      id,
      merchantNo,
      name: spec.name,
      merchantType: spec.merchantType,
      terminalIds: terminals.map((p) => p.terminalId),
      d0: spec.d0,
      revoked: spec.revokes,
    });
  }
}

async function runDay(ctx: Seeding, plan: DayPlan, isToday: boolean): Promise<void> {
  ctx.clock.set(new Date(plan.window.startMs));
  // 撤销服务: the revocation takes effect from the second day, so earlier days show the service.
  if (plan.index === 1) {
    for (const m of ctx.merchants) {
      if (!m.revoked) continue;
      const at = ctx.clock.now();
      const change = { merchantId: m.id, service: m.revoked, status: 'revoked', at } as const;
      await setup.setServiceStatus(ctx.db, change);
    }
  }
  for (const pos of ctx.pos) await pos.signIn();
  for (const event of plan.events) {
    ctx.clock.set(new Date(event.atMs));
    await runEvent(ctx, event, plan.date);
    ctx.step();
  }
  if (!isToday) await closeDay(ctx, plan.date);
}

/** The end of a past day: every terminal settles its batch, then cutoff and merchant settlement. */
async function closeDay(ctx: Seeding, date: BusinessDate): Promise<void> {
  const { engine, rules } = ctx;
  ctx.clock.set(new Date(opensAt(date, rules).getTime() + 23 * HOUR_MS));
  for (const pos of ctx.pos) {
    const settled = await pos.settle();
    if (!settled.balanced) ctx.stats.unbalancedBatches += 1;
    ctx.step();
  }
  ctx.clock.set(new Date(cutoffInstantOf(date, rules.cutoffTime).getTime() + 30_000));
  const cut = await engine.cutoff({ businessDate: date });
  if (!cut.ok) throw new Error(`demo cutoff of ${date}: ${cut.outcome.code}`);
  ctx.step();
  const settled = await engine.settleMerchants({ businessDate: date });
  if (!settled.ok) throw new Error(`demo settlement of ${date}: ${settled.outcome.code}`);
  ctx.settledDates.push(date);
  ctx.step();
}

/** The instant business date `date` opens: the previous date's cutoff. */
function opensAt(date: BusinessDate, rules: PaymentRules): Date {
  return cutoffInstantOf(addDays(date, -1), rules.cutoffTime);
}

/**
 * When the cashiers work on `date`: a past day from 9.5 h to 21 h after the day opens (08:30 to
 * 20:00 with a 23:00 cutoff); today up to ten hours before `now`, so every sale is in the past.
 */
function dayWindow(date: BusinessDate, options: DemoSeedOptions, isToday: boolean) {
  const opens = opensAt(date, options.rules).getTime();
  if (!isToday) return { startMs: opens + 9.5 * HOUR_MS, endMs: opens + 21 * HOUR_MS };
  const endMs = options.now.getTime() - 1_000;
  const startMs = Math.max(opens + 60_000, endMs - 10 * HOUR_MS);
  return startMs < endMs ? { startMs, endMs } : { startMs: opens, endMs: options.now.getTime() };
}

function emptySummary(today: BusinessDate): DemoSummary {
  return {
    skipped: false,
    merchants: [],
    terminals: 0,
    transactions: 0,
    approved: 0,
    declined: 0,
    voids: 0,
    refunds: 0,
    settledDates: [],
    openDate: today,
    unbalancedBatches: 0,
    terminalKeys: 0,
    keyLoadingFile: null,
  };
}
