// What the engine last read of each terminal under its lock (its context, its fee rates, the
// newest request key it handled, the sales it recorded since), so that a terminal's next sale, or
// the void of one of those sales, can ask the card network before any database round trip and be
// recorded in one. A snapshot is never trusted to decide: the payment is recorded only if the
// database still shows the same facts under its locks (`PaymentsStore.recordExpectedSale` and
// `recordExpectedVoid`); else it opens as any other. Snapshots only choose which payments may
// try, and keep each terminal's payments in this engine one after the other.
import type { Clock } from '../shared/clock.ts';
import type { RequestKey, Service, TransactionRecord } from './model.ts';
import type { FeeRate, TerminalContext } from './store.ts';

/**
 * The default of `PaymentRules.saleSnapshotTtlMs`: how long a snapshot may be used after the
 * database last confirmed it. Facts change behind this engine's back only when another process
 * changes them (another node, the command line); a sale on such stale facts is still refused as
 * it must be, but after the network was asked and then released. The limit keeps that to
 * terminals that are busy.
 */
export const SNAPSHOT_TTL_MS = 60_000;

/** Terminals remembered at most; the one confirmed longest ago goes first. */
export const SNAPSHOTS_MAX = 50_000;

/** Sales remembered per terminal for voids, the newest; a cashier voids a recent sale. */
export const RECENT_SALES_MAX = 16;

type TerminalSnapshot = {
  readonly ctx: TerminalContext;
  /** The batch the context's `batchStatus` describes. */
  readonly batchNo: number;
  /** Fee rates in force when read, by service; a rate that came in force since is caught. */
  readonly rates: ReadonlyMap<Service, FeeRate>;
  /** The voucher number of the newest request of this terminal the engine handled. */
  readonly voucherNo: number;
  /** When the database last confirmed it (`Clock.monotonicMs`). */
  readonly confirmedMs: number;
  /** Approved sales the engine recorded on the terminal since, by `batchNo:voucherNo`. */
  readonly sales: Map<string, TransactionRecord>;
};

const saleKey = (s: { batchNo: number; voucherNo: number }) => `${s.batchNo}:${s.voucherNo}`;

export class TerminalSnapshots {
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly snapshots = new Map<string, TerminalSnapshot>();
  /** Per terminal, the end of the sale under way in this engine (see `turn`). */
  private readonly turns = new Map<string, Promise<void>>();

  /** `ttlMs`: how long a snapshot may be used after its last confirmation; 0 never. */
  constructor(clock: Clock, ttlMs: number) {
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  /**
   * Waits for the terminal's sale under way in this engine, if any, and returns the function that
   * ends this one's turn. A POS sends one request at a time; a retransmission sent with its
   * original thus finds the original recorded and never reaches the network.
   */
  async turn(terminalId: string): Promise<() => void> {
    const before = this.turns.get(terminalId);
    let end!: () => void;
    const mine = new Promise<void>((resolve) => (end = resolve));
    this.turns.set(terminalId, mine);
    if (before) await before;
    return () => {
      if (this.turns.get(terminalId) === mine) this.turns.delete(terminalId);
      end();
    };
  }

  /**
   * The snapshot a sale may be decided on, with the fee rate of its service: fresh, for the batch
   * the sale names, with a voucher number after the newest one handled (a retransmission of an
   * earlier request never qualifies), and the rate of the service known.
   */
  usable(key: RequestKey, service: Service): { ctx: TerminalContext; rate: FeeRate } | undefined {
    const s = this.fresh(key);
    const rate = s?.rates.get(service);
    return s && rate ? { ctx: s.ctx, rate } : undefined;
  }

  /**
   * The snapshot a void of `original` may be decided on, with the sale as the engine recorded
   * it: as for a sale, and the sale one the engine recorded on the terminal since.
   */
  usableForVoid(
    key: RequestKey,
    original: { readonly batchNo: number; readonly voucherNo: number },
  ): { ctx: TerminalContext; original: TransactionRecord } | undefined {
    const s = this.fresh(key);
    const sale = s?.sales.get(saleKey(original));
    return s && sale ? { ctx: s.ctx, original: sale } : undefined;
  }

  /** The terminal's snapshot if it may decide a request with `key`; forgets an expired one. */
  private fresh(key: RequestKey): TerminalSnapshot | undefined {
    const s = this.snapshots.get(key.terminalId);
    if (!s || s.batchNo !== key.batchNo || key.voucherNo <= s.voucherNo) return undefined;
    if (this.clock.monotonicMs() - s.confirmedMs >= this.ttlMs) {
      this.snapshots.delete(key.terminalId);
      return undefined;
    }
    return s;
  }

  /** Keeps what a sale's opening read under the terminal's lock. */
  remember(key: RequestKey, ctx: TerminalContext, service: Service, rate: FeeRate | undefined) {
    const before = this.snapshots.get(key.terminalId);
    const same = before?.ctx.merchantId === ctx.merchantId;
    const rates = new Map(same ? before.rates : []);
    if (rate) rates.set(service, rate);
    else rates.delete(service);
    this.keep(key.terminalId, {
      ctx,
      batchNo: key.batchNo,
      rates,
      voucherNo: key.voucherNo,
      confirmedMs: this.clock.monotonicMs(),
      sales: same ? before.sales : new Map(),
    });
  }

  /** The engine recorded this approved sale (after its commit): a void of it may go ahead. */
  sold(sale: TransactionRecord): void {
    const s = this.snapshots.get(sale.terminalId);
    if (!s || s.ctx.merchantId !== sale.merchantId) return;
    s.sales.set(saleKey(sale), sale);
    if (s.sales.size > RECENT_SALES_MAX) {
      const oldest = s.sales.keys().next();
      if (!oldest.done) s.sales.delete(oldest.value);
    }
  }

  /** The sale is no longer as recorded (voided, or a void of it was attempted). */
  unsold(terminalId: string, original: { batchNo: number; voucherNo: number }): void {
    this.snapshots.get(terminalId)?.sales.delete(saleKey(original));
  }

  /** The database recorded a sale on the snapshot: its facts held, its key is now used. */
  confirmed(key: RequestKey): void {
    const s = this.snapshots.get(key.terminalId);
    if (!s) return;
    this.keep(key.terminalId, {
      ...s,
      voucherNo: key.voucherNo,
      confirmedMs: this.clock.monotonicMs(),
    });
  }

  /** Another request of the terminal was handled (a void, a refund, a reversal). */
  handled(key: RequestKey): void {
    const s = this.snapshots.get(key.terminalId);
    if (s) this.snapshots.set(key.terminalId, { ...s, voucherNo: key.voucherNo });
  }

  /** The terminal's facts changed or may have (sign-in, sign-off, batch settled). */
  forget(terminalId: string): void {
    this.snapshots.delete(terminalId);
  }

  /** How many terminals are remembered. */
  get size(): number {
    return this.snapshots.size;
  }

  /** Sets a snapshot as the newest confirmed (last in the map's order), and keeps the bound. */
  private keep(terminalId: string, snapshot: TerminalSnapshot): void {
    this.snapshots.delete(terminalId);
    this.snapshots.set(terminalId, snapshot);
    if (this.snapshots.size > SNAPSHOTS_MAX) {
      const oldest = this.snapshots.keys().next();
      if (!oldest.done) this.snapshots.delete(oldest.value);
    }
  }
}
