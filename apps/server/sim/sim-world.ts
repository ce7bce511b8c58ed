// The simulated world: merchants with signed-in terminals on one engine, fake clock, seeded
// randomness and a card network that can lose answers; and the small helpers every step uses.
import { createHash, type Hash } from 'node:crypto';
import {
  CardNetworkSimulator,
  createEngine,
  createIds,
  FakeClock,
  networkRef,
  nextVoucherNo,
  seededRandom,
  SNAPSHOT_TTL_MS,
  TEST_CARDS,
  type Engine,
  type EngineStores,
  type Random,
  type RequestKey,
  type SaleInput,
  type TransactionKind,
} from '@shoudan/core';
import { createStores, schema, setup, type Database } from '@shoudan/db';
import { ALL_PAYMENT_SERVICES, TEST_RATES } from '@shoudan/db/testing';
import { Auditor, AuditFailure, type Card } from './auditor.ts';

export type WorldOptions = {
  readonly seed: number;
  readonly merchants: number;
  /** Terminals per merchant. */
  readonly terminals: number;
};

export type PendingReversal = {
  readonly key: RequestKey;
  readonly kind: TransactionKind;
  readonly amountFen: bigint;
};

export type SimTerminal = {
  readonly id: string;
  readonly merchant: number;
  batchNo: number;
  voucherNo: number;
  /** CUP: a reversal the terminal owes; it goes out before the terminal's next request. */
  pending: PendingReversal | null;
  /** A sale whose request was lost on its way and that arrives late, after its reversal. */
  late: SaleInput | null;
};

export type Sim = {
  readonly engine: Engine;
  readonly clock: FakeClock;
  readonly network: CardNetworkSimulator;
  readonly stores: EngineStores;
  readonly random: Random;
  readonly auditor: Auditor;
  readonly terminals: readonly SimTerminal[];
  readonly merchantIds: readonly string[];
  readonly merchantNos: readonly string[];
  /** Network references whose answer the card network loses. */
  readonly dropped: Set<string>;
  readonly counts: Map<string, number>;
  readonly digest: Hash;
  readonly firstDate: string;
  step: number;
  nextJobMs: number;
  settledDates: number;
  ledgerEntries: number;
};

const CUTOFF_TIME = '23:00';
const REFUND_WINDOW_DAYS = 30;
const DEFAULT_START_MS = Date.UTC(2030, 0, 7, 2); // 10:00 Shanghai
const DAY_MS = 86_400_000;

/** A value chosen by weight. */
export function choose<T>(random: Random, weighted: readonly (readonly [number, T])[]): T {
  const total = weighted.reduce((s, [w]) => s + w, 0);
  let x = random.next() * total;
  for (const [w, value] of weighted) {
    x -= w;
    if (x < 0) return value;
  }
  const last = weighted[weighted.length - 1];
  if (!last) throw new Error('choose from nothing');
  return last[1];
}

export function count(sim: Sim, label: string): void {
  sim.counts.set(label, (sim.counts.get(label) ?? 0) + 1);
}

/** Adds a reply to the run's digest. */
export function note(sim: Sim, ...parts: readonly (string | number | bigint | null)[]): void {
  sim.digest.update(`${sim.step}|${parts.map((p) => String(p)).join('|')}\n`);
}

export function nextKey(terminal: SimTerminal): RequestKey {
  terminal.voucherNo = nextVoucherNo(terminal.voucherNo);
  return { terminalId: terminal.id, batchNo: terminal.batchNo, voucherNo: terminal.voucherNo };
}

export function saleInput(key: RequestKey, amountFen: bigint, card: Card): SaleInput {
  if (card === 'qr') return { ...key, amountFen, method: 'unionpay_qr', payerCode: '62880001' };
  return { ...key, amountFen, method: 'card', card: { pan: TEST_CARDS[card] } };
}

export function dropAnswerOf(sim: Sim, key: RequestKey): void {
  sim.dropped.add(networkRef(key));
}

export async function buildWorld(database: Database, options: WorldOptions): Promise<Sim> {
  const offset = await database.db.$count(schema.merchants);
  const startMs = await startOf(database);
  const clock = new FakeClock(new Date(startMs));
  const ids = createIds(clock, seededRandom(options.seed ^ 0x5eed));
  const dropped = new Set<string>();
  const network = new CardNetworkSimulator({ clock, dropAnswer: (ref) => dropped.has(ref) });
  const rules = {
    cutoffTime: CUTOFF_TIME,
    refundWindowDays: REFUND_WINDOW_DAYS,
    saleSnapshotTtlMs: SNAPSHOT_TTL_MS,
  };
  const stores = createStores(database.db);
  const engine = createEngine({ stores, network, clock, ids, rules });
  const planId = ids.next();
  await setup.createFeePlan(database.db, {
    id: planId,
    name: `simulation ${offset}`,
    at: clock.now(),
    rates: Object.entries(TEST_RATES).map(([service, rate]) => ({
      id: ids.next(),
      service: service as keyof typeof TEST_RATES,
      rateBps: rate.rateBps,
      capFen: rate.capFen,
      effectiveFrom: new Date(startMs - DAY_MS),
    })),
  });
  const world = { engine, clock, ids, planId, offset };
  const { merchantIds, merchantNos, terminals } = await addMerchants(database, world, options);
  const auditor = new Auditor({
    cutoffTime: CUTOFF_TIME,
    refundWindowDays: REFUND_WINDOW_DAYS,
    merchants: options.merchants,
    d0Merchants: new Set(merchantIds.map((_, m) => m).filter((m) => m % 3 === 1)),
    startMs,
  });
  for (const t of terminals) auditor.batches.set(`${t.id}:1`, 'open');
  const firstDate = auditor.dateNow();
  return {
    engine,
    clock,
    network,
    stores,
    random: seededRandom(options.seed),
    auditor,
    terminals,
    merchantIds,
    merchantNos,
    dropped,
    counts: new Map(),
    digest: createHash('sha256'),
    firstDate,
    step: 0,
    nextJobMs: auditor.cutoffOf(firstDate),
    settledDates: 0,
    ledgerEntries: 0,
  };
}

/** 10:00 Shanghai, a few days after any business date already in the database. */
async function startOf(database: Database): Promise<number> {
  const rows = await database.db
    .select({ date: schema.businessDates.businessDate })
    .from(schema.businessDates);
  const latest = rows
    .map((r) => r.date)
    .sort()
    .at(-1);
  if (latest === undefined) return DEFAULT_START_MS;
  return Math.max(DEFAULT_START_MS, Date.parse(`${latest}T02:00:00Z`) + 3 * DAY_MS);
}

type WorldSetup = {
  readonly engine: Engine;
  readonly clock: FakeClock;
  readonly ids: { next(): string };
  readonly planId: string;
  readonly offset: number;
};

/** Merchants (every third one settles D0) with signed-in terminals. */
async function addMerchants(database: Database, w: WorldSetup, options: WorldOptions) {
  const merchantIds: string[] = [];
  const merchantNos: string[] = [];
  const terminals: SimTerminal[] = [];
  for (let m = 0; m < options.merchants; m++) {
    const id = w.ids.next();
    const no = w.offset + m + 1;
    const merchantNo = `89831${String(no).padStart(10, '0')}`;
    const d0 = m % 3 === 1;
    await setup.createMerchant(database.db, {
      id,
      merchantNo,
      name: `模拟商户${no}`,
      merchantType: m % 2 ? 'individual' : 'enterprise',
      feePlanId: w.planId,
      services: d0 ? [...ALL_PAYMENT_SERVICES, 'd0_settlement'] : ALL_PAYMENT_SERVICES,
      at: w.clock.now(),
    });
    merchantIds.push(id);
    merchantNos.push(merchantNo);
    for (let t = 1; t <= options.terminals; t++) {
      const terminalId = `S${String(no).padStart(5, '0')}${String(t).padStart(2, '0')}`;
      const serialNo = `SIM-${terminalId}`;
      await setup.createTerminal(database.db, {
        terminalId,
        merchantId: id,
        serialNo,
        at: w.clock.now(),
      });
      const signed = await w.engine.signIn({ terminalId });
      if (!signed.ok) throw new AuditFailure(`sign-in of ${terminalId}: ${signed.outcome.code}`);
      terminals.push({
        id: terminalId,
        merchant: m,
        batchNo: 1,
        voucherNo: 0,
        pending: null,
        late: null,
      });
    }
  }
  return { merchantIds, merchantNos, terminals };
}
