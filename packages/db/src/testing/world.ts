// A small acquiring world for tests: a fee plan, merchants, signed-in terminals, the engine on a
// fake clock with seeded ids, and a POS helper that keeps batch and voucher numbers as a
// terminal does.
import {
  CardNetworkSimulator,
  FakeClock,
  TEST_CARDS,
  createEngine,
  createIds,
  nextVoucherNo,
  seededRandom,
  SNAPSHOT_TTL_MS,
  type Engine,
  type Ids,
  type Service,
} from '@shoudan/core';
import type { Database } from '../drivers/open.ts';
import { createStores } from '../stores/index.ts';
import { createFeePlan, createMerchant, createTerminal } from '../stores/setup.ts';

export const ALL_PAYMENT_SERVICES: readonly Service[] = [
  'card_debit',
  'card_credit',
  'unionpay_qr',
  'wechat_pay',
  'alipay',
];

/** Rates of the test plan: debit 0.5 % capped at ¥20, credit 0.6 %, QR 0.38 %, D0 0.05 %. */
export const TEST_RATES = {
  card_debit: { rateBps: 50, capFen: 2000n },
  card_credit: { rateBps: 60, capFen: null },
  unionpay_qr: { rateBps: 38, capFen: null },
  wechat_pay: { rateBps: 38, capFen: null },
  alipay: { rateBps: 38, capFen: null },
  d0_settlement: { rateBps: 5, capFen: null },
} as const;

export type WorldOptions = {
  /** Start time; default 2026-11-24 10:00 Shanghai. */
  readonly start?: string;
  readonly seed?: number;
  readonly merchants?: number;
  readonly terminalsPerMerchant?: number;
  readonly cutoffTime?: string;
  readonly refundWindowDays?: number;
  readonly networkLatencyMs?: number;
  /** `PaymentRules.saleSnapshotTtlMs`; 0 makes every sale open first. */
  readonly saleSnapshotTtlMs?: number;
};

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld(database: Database, options: WorldOptions = {}) {
  const clock = new FakeClock(options.start ?? '2026-11-24T02:00:00Z');
  const ids = createIds(clock, seededRandom(options.seed ?? 1));
  const network = new CardNetworkSimulator({ clock, latencyMs: options.networkLatencyMs ?? 0 });
  const rules = {
    cutoffTime: options.cutoffTime ?? '23:00',
    refundWindowDays: options.refundWindowDays ?? 30,
    saleSnapshotTtlMs: options.saleSnapshotTtlMs ?? SNAPSHOT_TTL_MS,
  };
  const stores = createStores(database.db);
  const engine = createEngine({ stores, network, clock, ids, rules });
  const planId = ids.next();
  const epoch = new Date('2020-01-01T00:00:00Z');
  await createFeePlan(database.db, {
    id: planId,
    name: 'standard',
    at: clock.now(),
    rates: Object.entries(TEST_RATES).map(([service, r]) => ({
      id: ids.next(),
      service: service as Service,
      rateBps: r.rateBps,
      capFen: r.capFen,
      effectiveFrom: epoch,
    })),
  });
  const merchants: { id: string; merchantNo: string; terminalIds: string[] }[] = [];
  for (let m = 1; m <= (options.merchants ?? 1); m++) {
    const id = ids.next();
    const merchantNo = `898310${String(m).padStart(9, '0')}`;
    await createMerchant(database.db, {
      id,
      merchantNo,
      name: `测试商户${m}`,
      merchantType: m % 2 ? 'enterprise' : 'individual',
      feePlanId: planId,
      services: ALL_PAYMENT_SERVICES,
      at: clock.now(),
    });
    const terminalIds: string[] = [];
    for (let t = 1; t <= (options.terminalsPerMerchant ?? 1); t++) {
      const terminalId = `${String(m).padStart(4, '0')}${String(t).padStart(4, '0')}`;
      await createTerminal(database.db, {
        terminalId,
        merchantId: id,
        serialNo: `SN${terminalId}`,
        at: clock.now(),
      });
      const signed = await engine.signIn({ terminalId });
      if (!signed.ok) throw new Error(`sign-in failed: ${signed.outcome.code}`);
      terminalIds.push(terminalId);
    }
    merchants.push({ id, merchantNo, terminalIds });
  }
  const first = merchants[0];
  if (!first) throw new Error('a world needs a merchant');
  return {
    database,
    db: database.db,
    stores,
    clock,
    ids,
    network,
    engine,
    rules,
    planId,
    merchants,
    merchant: first,
  };
}

/** A POS that keeps its batch and voucher numbers like a real terminal. */
export class TestPos {
  batchNo = 1;
  voucherNo = 0;
  readonly terminalId: string;
  private readonly engine: Engine;

  constructor(engine: Engine, terminalId: string) {
    this.engine = engine;
    this.terminalId = terminalId;
  }

  next(): { terminalId: string; batchNo: number; voucherNo: number } {
    this.voucherNo = nextVoucherNo(this.voucherNo);
    return { terminalId: this.terminalId, batchNo: this.batchNo, voucherNo: this.voucherNo };
  }

  /** The key of the last request sent. */
  current(): { terminalId: string; batchNo: number; voucherNo: number } {
    return { terminalId: this.terminalId, batchNo: this.batchNo, voucherNo: this.voucherNo };
  }

  sale(amountFen: bigint, pan: string = TEST_CARDS.debit, expiry: string | null = null) {
    return this.engine.sale({ ...this.next(), amountFen, method: 'card', card: { pan, expiry } });
  }

  voidSale(original: { batchNo: number; voucherNo: number }, amountFen: bigint) {
    return this.engine.voidSale({ ...this.next(), amountFen, original });
  }

  refund(rrn: string, amountFen: bigint) {
    return this.engine.refund({ ...this.next(), amountFen, original: { rrn } });
  }

  async settle() {
    const totals = await this.engine.settleBatch({
      terminalId: this.terminalId,
      batchNo: this.batchNo,
      terminalTotals: {
        domestic: { debitFen: 0n, debitCount: 0, creditFen: 0n, creditCount: 0 },
        foreign: { debitFen: 0n, debitCount: 0, creditFen: 0n, creditCount: 0 },
      },
    });
    if (totals.ok) this.batchNo = totals.value.nextBatchNo;
    return totals;
  }
}

export type { Ids };
