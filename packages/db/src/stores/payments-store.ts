// PostgreSQL implementation of the payments port: row locks on the terminal and the original,
// a shared advisory lock on the business date, and an RRN from the acquirer's sequence. Writes
// nobody reads back (journal entries, the terminal's voucher) wait and go in one statement.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type {
  BusinessDateStatus,
  FeeRate,
  JournalEntry,
  JournalLine,
  Account,
  PaymentsStore,
  PaymentsTx,
  RequestKey,
  Service,
  TerminalContext,
  TransactionChanges,
  TransactionRecord,
  VoidableSalesQuery,
  MerchantStatus,
  TerminalStatus,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import {
  businessDates,
  journalEntries,
  journalLines,
  terminalBatches,
  terminals,
  transactions,
} from '../schema/index.ts';
import { big, businessDateLockKey, num, rowsOf, toRecord } from './rows.ts';

type MerchantRate = FeeRate & {
  readonly service: Service;
  readonly effectiveFromMs: number;
  readonly merchantOwn: boolean;
};

export class PgPaymentsTx implements PaymentsTx {
  private readonly db: Db;
  /** Journal entries and terminal vouchers not yet written: see `flush()`. */
  private entries: JournalEntry[] = [];
  private vouchers = new Map<string, number>();
  /** Fee rates of the locked terminal's merchant, read with its row. */
  private rates: { merchantId: string; list: readonly MerchantRate[] } | undefined;

  constructor(tx: Db) {
    this.db = tx;
  }

  /**
   * The transaction, once the waiting writes are written: every statement goes through here, so
   * writes and reads keep the order the use case made them in.
   */
  private async tx(): Promise<Db> {
    await this.flush();
    return this.db;
  }

  /**
   * Writes the waiting journal entries, their lines and the terminals' last voucher numbers in
   * one statement (one round trip instead of three); the store calls it before commit.
   */
  async flush(): Promise<void> {
    if (this.entries.length === 0 && this.vouchers.size === 0) return;
    const writes = [...journalInserts(this.entries)];
    for (const [terminalId, voucherNo] of this.vouchers) {
      writes.push(sql`update terminal set last_voucher_no = ${voucherNo}
        where terminal_id = ${terminalId}`);
    }
    this.entries = [];
    this.vouchers = new Map();
    await this.db.execute(inOneStatement(writes));
  }

  async holdBusinessDate(date: string): Promise<BusinessDateStatus> {
    const tx = await this.tx();
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${businessDateLockKey(date)})`);
    const status = await this.businessDateStatus(date);
    return status;
  }

  async businessDateStatus(date: string): Promise<BusinessDateStatus> {
    const tx = await this.tx();
    const [row] = await tx
      .select({ status: businessDates.status })
      .from(businessDates)
      .where(eq(businessDates.businessDate, date));
    if (row) return row.status as BusinessDateStatus;
    await tx
      .insert(businessDates)
      .values({ businessDate: date, status: 'open' })
      .onConflictDoNothing();
    return 'open';
  }

  async lockTerminal(terminalId: string, batchNo: number): Promise<TerminalContext | undefined> {
    const tx = await this.tx();
    const result = await tx.execute(sql`
      select t.terminal_id, t.merchant_id, m.merchant_no, m.status as merchant_status,
        t.status as terminal_status, t.current_batch_no,
        (t.signed_in_at is not null
          and (t.signed_off_at is null or t.signed_off_at < t.signed_in_at)) as signed_in,
        (select b.status from terminal_batch b
          where b.terminal_id = t.terminal_id and b.batch_no = ${batchNo}) as batch_status,
        (select string_agg(s.service, ',') from merchant_service s
          where s.merchant_id = t.merchant_id and s.status = 'active') as services,
        (select json_agg(json_build_object('service', r.service, 'rateBps', r.rate_bps,
            'capFen', r.cap_fen::text, 'merchantOwn', r.merchant_id is not null,
            'effectiveFromMs', ceil(extract(epoch from r.effective_from) * 1000)))
          from fee_rate r
          where r.merchant_id = t.merchant_id or r.fee_plan_id = m.fee_plan_id) as rates
      from terminal t join merchant m on m.id = t.merchant_id
      where t.terminal_id = ${terminalId}
      for update of t`);
    const [r] = rowsOf(result);
    if (!r) return undefined;
    const merchantId = String(r['merchant_id']);
    this.rates = { merchantId, list: merchantRates(r['rates']) };
    return {
      terminalId: String(r['terminal_id']),
      merchantId,
      merchantNo: String(r['merchant_no']),
      merchantStatus: r['merchant_status'] as MerchantStatus,
      terminalStatus: r['terminal_status'] as TerminalStatus,
      signedIn: r['signed_in'] === true,
      currentBatchNo: num(r['current_batch_no']),
      batchStatus: (r['batch_status'] ?? null) as 'open' | 'settled' | null,
      activeServices: r['services'] ? (String(r['services']).split(',') as Service[]) : [],
    };
  }

  async findByRequestKey(key: RequestKey): Promise<TransactionRecord | undefined> {
    const tx = await this.tx();
    const [row] = await tx.select().from(transactions).where(byKey(key));
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalByVoucher(key: RequestKey): Promise<TransactionRecord | undefined> {
    const tx = await this.tx();
    const [row] = await tx.select().from(transactions).where(byKey(key)).for('update');
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalById(id: string): Promise<TransactionRecord | undefined> {
    const tx = await this.tx();
    const [row] = await tx.select().from(transactions).where(eq(transactions.id, id)).for('update');
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalByRrn(merchantId: string, rrn: string): Promise<TransactionRecord | undefined> {
    const tx = await this.tx();
    const [row] = await tx
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.merchantId, merchantId),
          eq(transactions.rrn, rrn),
          eq(transactions.kind, 'sale'),
        ),
      )
      .for('update');
    return row ? toRecord(row) : undefined;
  }

  async batchStatus(terminalId: string, batchNo: number): Promise<'open' | 'settled' | null> {
    const tx = await this.tx();
    const [row] = await tx
      .select({ status: terminalBatches.status })
      .from(terminalBatches)
      .where(and(eq(terminalBatches.terminalId, terminalId), eq(terminalBatches.batchNo, batchNo)));
    return (row?.status ?? null) as 'open' | 'settled' | null;
  }

  async rateInForce(merchantId: string, service: Service, at: Date): Promise<FeeRate | undefined> {
    // The locked terminal's merchant: its rates came with the lock, no round trip needed.
    if (this.rates?.merchantId === merchantId) return rateAt(this.rates.list, service, at);
    const tx = await this.tx();
    const result = await tx.execute(sql`
      select r.rate_bps, r.cap_fen from fee_rate r
      where r.service = ${service} and r.effective_from <= ${at.toISOString()}
        and (r.merchant_id = ${merchantId}
          or r.fee_plan_id = (select fee_plan_id from merchant where id = ${merchantId}))
      order by (r.merchant_id is not null) desc, r.effective_from desc
      limit 1`);
    const [r] = rowsOf(result);
    if (!r) return undefined;
    return {
      rateBps: num(r['rate_bps']),
      capFen: r['cap_fen'] === null ? null : big(r['cap_fen']),
    };
  }

  async insertTransaction(record: Omit<TransactionRecord, 'rrn'>): Promise<TransactionRecord> {
    const tx = await this.tx();
    const [row] = await tx
      .insert(transactions)
      .values({ ...record })
      .returning({ rrn: transactions.rrn });
    if (!row) throw new Error('insert returned no row');
    return { ...record, rrn: row.rrn };
  }

  async updateTransaction(id: string, changes: TransactionChanges): Promise<void> {
    const tx = await this.tx();
    await tx.update(transactions).set(changes).where(eq(transactions.id, id));
  }

  async recordVoucher(terminalId: string, voucherNo: number): Promise<void> {
    // Only the last voucher number of a terminal counts: a later one replaces a waiting one.
    this.vouchers.set(terminalId, voucherNo);
  }

  async postEntry(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
  }

  async linesOfTransaction(transactionId: string): Promise<JournalLine[]> {
    const tx = await this.tx();
    const rows = await tx
      .select({
        account: journalLines.account,
        merchantId: journalLines.merchantId,
        amountFen: journalLines.amountFen,
      })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(
        and(
          eq(journalEntries.transactionId, transactionId),
          sql`${journalEntries.kind} <> 'reversal'`,
        ),
      )
      .orderBy(journalLines.id);
    return rows.map((r) => ({ ...r, account: r.account as Account }));
  }
}

/** The rate in force for `service` at `at`: the merchant's own before its plan's, latest first. */
function rateAt(rates: readonly MerchantRate[], service: Service, at: Date): FeeRate | undefined {
  const atMs = at.getTime();
  let best: MerchantRate | undefined;
  for (const r of rates) {
    if (r.service !== service || r.effectiveFromMs > atMs) continue;
    const better =
      !best ||
      (r.merchantOwn && !best.merchantOwn) ||
      (r.merchantOwn === best.merchantOwn && r.effectiveFromMs > best.effectiveFromMs);
    if (better) best = r;
  }
  return best ? { rateBps: best.rateBps, capFen: best.capFen } : undefined;
}

/** The rates aggregated by `lockTerminal` (JSON, parsed or not depending on the driver). */
function merchantRates(value: unknown): MerchantRate[] {
  if (value === null || value === undefined) return [];
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
  return list.map((r) => ({
    service: r['service'] as Service,
    rateBps: num(r['rateBps']),
    capFen: r['capFen'] === null ? null : big(r['capFen']),
    merchantOwn: r['merchantOwn'] === true,
    effectiveFromMs: num(r['effectiveFromMs']),
  }));
}

/** Most parameters one statement of journal rows may carry (PostgreSQL allows 65,535). */
const PARAMS_PER_STATEMENT_MAX = 30_000;

/**
 * The INSERTs of entries and their lines: one pair per slice of entries small enough for the
 * parameter limit (so a single pair for the entries of a payment).
 */
function journalInserts(entries: readonly JournalEntry[]): SQL[] {
  const inserts: SQL[] = [];
  let slice: JournalEntry[] = [];
  let params = 0;
  const close = () => {
    if (slice.length === 0) return;
    inserts.push(insertEntries(slice), insertLines(slice));
    slice = [];
    params = 0;
  };
  for (const e of entries) {
    const cost = 7 + 4 * e.lines.length;
    if (params + cost > PARAMS_PER_STATEMENT_MAX) close();
    slice.push(e);
    params += cost;
  }
  close();
  return inserts;
}

function insertEntries(entries: readonly JournalEntry[]): SQL {
  const rows = entries.map(
    (e) => sql`(${e.id}, ${e.kind}, ${e.merchantId}, ${e.transactionId}, ${e.settlementId},
      ${e.businessDate}, ${e.createdAt.toISOString()})`,
  );
  return sql`insert into journal_entry (id, kind, merchant_id, transaction_id, settlement_id,
    business_date, created_at) values ${sql.join(rows, sql`, `)}`;
}

function insertLines(entries: readonly JournalEntry[]): SQL {
  const rows = entries.flatMap((e) =>
    e.lines.map((l) => sql`(${e.id}, ${l.account}, ${l.merchantId}, ${l.amountFen.toString()})`),
  );
  return sql`insert into journal_line (entry_id, account, merchant_id, amount_fen)
    values ${sql.join(rows, sql`, `)}`;
}

/**
 * Data-modifying statements run as one: all but the last become WITH clauses. They must not
 * touch the same row twice, nor read one another's rows (one snapshot for all); a line's foreign
 * key to its entry is checked at the end of the statement, when both are there.
 */
function inOneStatement(writes: readonly SQL[]): SQL {
  const last = writes[writes.length - 1];
  if (!last) return sql`select 1`;
  if (writes.length === 1) return last;
  const clauses = writes.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`);
  return sql`with ${sql.join(clauses, sql`, `)} ${last}`;
}

/**
 * Inserts entries and their lines: one statement for a slice of entries up to the parameter
 * limit (one statement for the entries of a payment or a chunk of settlements).
 */
export async function postEntries(tx: Db, entries: readonly JournalEntry[]): Promise<void> {
  const inserts = journalInserts(entries);
  for (let i = 0; i < inserts.length; i += 2) {
    await tx.execute(inOneStatement(inserts.slice(i, i + 2)));
  }
}

function byKey(key: RequestKey) {
  return and(
    eq(transactions.terminalId, key.terminalId),
    eq(transactions.batchNo, key.batchNo),
    eq(transactions.voucherNo, key.voucherNo),
  );
}

export function createPaymentsStore(db: Db): PaymentsStore {
  return {
    transaction: (work) =>
      db.transaction(
        async (tx) => {
          const paymentsTx = new PgPaymentsTx(tx as unknown as Db);
          const result = await work(paymentsTx);
          await paymentsTx.flush();
          return result;
        },
        { isolationLevel: 'read committed' },
      ),
    voidableSales: async (q: VoidableSalesQuery) => {
      const rows = await db
        .select()
        .from(transactions)
        .innerJoin(
          terminalBatches,
          and(
            eq(terminalBatches.terminalId, transactions.terminalId),
            eq(terminalBatches.batchNo, transactions.batchNo),
          ),
        )
        .leftJoin(businessDates, eq(businessDates.businessDate, transactions.businessDate))
        .where(
          and(
            eq(transactions.terminalId, q.terminalId),
            eq(transactions.kind, 'sale'),
            eq(transactions.status, 'approved'),
            eq(transactions.refundedFen, 0n),
            gte(transactions.createdAt, q.from),
            lte(transactions.createdAt, q.to),
            eq(terminalBatches.status, 'open'),
            sql`coalesce(${businessDates.status}, 'open') = 'open'`,
          ),
        )
        .orderBy(desc(transactions.createdAt))
        .limit(q.limit);
      return rows.map((r) => toRecord(r.transactions));
    },
    findByRrn: async (rrn: string) => {
      const [row] = await db.select().from(transactions).where(eq(transactions.rrn, rrn));
      return row ? toRecord(row) : undefined;
    },
  };
}
