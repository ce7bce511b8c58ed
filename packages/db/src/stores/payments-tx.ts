// A payment's database transaction on PostgreSQL (server or PGlite): row locks on the terminal
// and the original, a shared advisory lock on the business date, and an RRN from the acquirer's
// sequence. Writes nobody reads back before the next statement (updates, records, journal
// entries) wait, and go together before it or with the commit.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type {
  BusinessDateStatus,
  ExpectedSale,
  ExpectedVoid,
  FeeRate,
  JournalEntry,
  JournalLine,
  Account,
  PaymentsTx,
  RefundOpening,
  RequestKey,
  SaleOpening,
  SaleOpeningRequest,
  Service,
  TerminalContext,
  TransactionChanges,
  TransactionRecord,
  VoidOpening,
  MerchantStatus,
  TerminalStatus,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { businessDates, terminalBatches, transactions } from '../schema/index.ts';
import { entryLines } from './ledger-store.ts';
import { big, num, recordOf, rowsOf, toRecord } from './rows.ts';

export class PgPaymentsTx implements PaymentsTx {
  protected readonly db: Db;
  /** Updates, transactions and journal entries not yet written: see `flush()`. */
  private updates: SQL[] = [];
  private entries: JournalEntry[] = [];
  private pending: TransactionRecord[] = [];

  constructor(tx: Db) {
    this.db = tx;
  }

  /**
   * The transaction, once the waiting writes are written: every statement goes through here, so
   * writes and reads keep the order the use case made them in.
   */
  protected async tx(): Promise<Db> {
    await this.flush();
    return this.db;
  }

  /**
   * Writes what waits: the updates, then the transactions, journal entries and their lines in one
   * statement; the store calls it before commit.
   */
  async flush(): Promise<void> {
    for (const statement of this.takeWrites()) await this.db.execute(statement);
  }

  /** The waiting writes as statements, in order (and forgets them). */
  protected takeWrites(): SQL[] {
    return statementsOf([this.takePending()]);
  }

  /** The waiting updates, transactions and journal entries (and forgets them). */
  takePending(): PendingWrites {
    const pending = { updates: this.updates, records: this.pending, entries: this.entries };
    this.updates = [];
    this.pending = [];
    this.entries = [];
    return pending;
  }

  async holdBusinessDate(date: string): Promise<BusinessDateStatus> {
    const tx = await this.tx();
    await tx.execute(
      sql`select pg_advisory_xact_lock_shared(business_date_lock_key(${date}::date))`,
    );
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
    const [r] = rowsOf(
      await tx.execute(sql`select lock_terminal_context(${terminalId}, ${batchNo}) as ctx`),
    );
    return r?.['ctx'] ? contextOf(r['ctx']) : undefined;
  }

  async openSale(key: RequestKey, request: SaleOpeningRequest): Promise<SaleOpening | undefined> {
    const tx = await this.tx();
    const [r] = rowsOf(await tx.execute(openSaleQuery(key, request)));
    return openingOf(r?.['opening']);
  }

  async openRefund(
    key: RequestKey,
    request: { readonly rrn: string; readonly date: string },
  ): Promise<RefundOpening | undefined> {
    const tx = await this.tx();
    const [r] = rowsOf(await tx.execute(openRefundQuery(key, request)));
    return refundOpeningOf(r?.['opening']);
  }

  async openVoid(
    key: RequestKey,
    original: { readonly batchNo: number; readonly voucherNo: number },
  ): Promise<VoidOpening | undefined> {
    const tx = await this.tx();
    const [r] = rowsOf(await tx.execute(openVoidQuery(key, original)));
    return voidOpeningOf(r?.['opening']);
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

  async batchStatus(terminalId: string, batchNo: number): Promise<'open' | 'settled' | null> {
    const tx = await this.tx();
    const [row] = await tx
      .select({ status: terminalBatches.status })
      .from(terminalBatches)
      .where(and(eq(terminalBatches.terminalId, terminalId), eq(terminalBatches.batchNo, batchNo)));
    return (row?.status ?? null) as 'open' | 'settled' | null;
  }

  async insertTransaction(
    record: Omit<TransactionRecord, 'rrn'> & { readonly rrn?: string },
  ): Promise<TransactionRecord> {
    if (record.rrn !== undefined) {
      // Its RRN is known: nobody reads it back before commit, so it waits for the flush.
      const withRrn = { ...record, rrn: record.rrn };
      this.pending.push(withRrn);
      return withRrn;
    }
    const tx = await this.tx();
    const [row] = await tx
      .insert(transactions)
      .values({ ...record })
      .returning({ rrn: transactions.rrn });
    if (!row) throw new Error('insert returned no row');
    return { ...record, rrn: row.rrn };
  }

  /** Nobody reads the row back before the next statement: the update waits for it. */
  async updateTransaction(id: string, changes: TransactionChanges): Promise<void> {
    const set: SQL[] = [];
    if (changes.status !== undefined) set.push(sql`status = ${changes.status}`);
    if (changes.refundedFen !== undefined) {
      set.push(sql`refunded_fen = ${changes.refundedFen.toString()}::bigint`);
    }
    if (changes.closedAt !== undefined) {
      set.push(sql`closed_at = ${changes.closedAt?.toISOString() ?? null}::timestamptz`);
    }
    if (set.length === 0) return;
    this.updates.push(
      sql`update transactions set ${sql.join(set, sql`, `)} where id = ${id}::uuid`,
    );
  }

  async postEntry(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
  }

  async linesOfTransaction(transactionId: string): Promise<JournalLine[]> {
    const tx = await this.tx();
    const lines = entryLines(
      sql`where e.transaction_id = ${transactionId}::uuid and e.kind <> 'reversal'`,
    );
    const result = await tx.execute(sql`
      select account, merchant_id, amount_fen from ${lines} l order by created_at, entry_id, n`);
    return rowsOf(result).map((r) => ({
      account: String(r['account']) as Account,
      merchantId: r['merchant_id'] === null ? null : String(r['merchant_id']),
      amountFen: big(r['amount_fen']),
    }));
  }
}

/** Reads what `open_sale` returned. */
export function openingOf(value: unknown): SaleOpening | undefined {
  if (value === null || value === undefined) return undefined;
  const o = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  return {
    ctx: contextOf(o['ctx']),
    seen: o['seen'] === true,
    businessDate: typeof o['businessDate'] === 'string' ? o['businessDate'] : null,
    rate: feeRateOf(o['rate']),
    rrn: typeof o['rrn'] === 'string' ? o['rrn'] : null,
  };
}

/** Reads what `lock_terminal_context` returned. */
function contextOf(value: unknown): TerminalContext {
  const c = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  return {
    terminalId: String(c['terminalId']),
    merchantId: String(c['merchantId']),
    merchantNo: String(c['merchantNo']),
    merchantStatus: c['merchantStatus'] as MerchantStatus,
    terminalStatus: c['terminalStatus'] as TerminalStatus,
    signedIn: c['signedIn'] === true,
    currentBatchNo: num(c['currentBatchNo']),
    batchStatus: (c['batchStatus'] ?? null) as 'open' | 'settled' | null,
    activeServices: Array.isArray(c['services']) ? (c['services'] as Service[]) : [],
  };
}

/** Reads what `open_void` returned. */
export function voidOpeningOf(value: unknown): VoidOpening | undefined {
  if (value === null || value === undefined) return undefined;
  const o = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  const closed = o['closed'];
  const lines = Array.isArray(o['lines']) ? (o['lines'] as Record<string, unknown>[]) : [];
  return {
    ctx: contextOf(o['ctx']),
    existing: o['existing'] ? recordOf(o['existing']) : undefined,
    original: o['original'] ? recordOf(o['original']) : undefined,
    closed: closed === 'batch_settled' || closed === 'cut_off' ? closed : null,
    rrn: typeof o['rrn'] === 'string' ? o['rrn'] : null,
    lines: lines.map((l) => ({
      account: l['account'] as Account,
      merchantId: typeof l['merchantId'] === 'string' ? l['merchantId'] : null,
      amountFen: big(l['amountFen']),
    })),
  };
}

/** Reads what `open_refund` returned. */
export function refundOpeningOf(value: unknown): RefundOpening | undefined {
  if (value === null || value === undefined) return undefined;
  const o = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  const closed = o['closed'];
  return {
    ctx: contextOf(o['ctx']),
    existing: o['existing'] ? recordOf(o['existing']) : undefined,
    original: o['original'] ? recordOf(o['original']) : undefined,
    businessDate: typeof o['businessDate'] === 'string' ? o['businessDate'] : null,
    closed: closed === 'batch_settled' || closed === 'cut_off' ? closed : null,
    rrn: typeof o['rrn'] === 'string' ? o['rrn'] : null,
  };
}

/** Writes that wait for the commit: updates, transactions with their RRN, journal entries. */
export type PendingWrites = {
  readonly updates: readonly SQL[];
  readonly records: readonly TransactionRecord[];
  readonly entries: readonly JournalEntry[];
};

/** The statements that write `pending`, in order: the updates, then one for all the rows. */
export function statementsOf(pending: readonly PendingWrites[]): SQL[] {
  const rows = writesOf(
    pending.flatMap((p) => p.records),
    pending.flatMap((p) => p.entries),
  );
  return [...pending.flatMap((p) => p.updates), ...(rows ? [rows] : [])];
}

/**
 * The waiting writes as one statement, or undefined when there are none: a call of
 * `record_payments` with the rows as JSON (amounts as strings of digits), whatever their number.
 */
export function writesOf(
  records: readonly TransactionRecord[],
  entries: readonly JournalEntry[],
): SQL | undefined {
  if (records.length === 0 && entries.length === 0) return undefined;
  const transactionsJson = JSON.stringify(records.map(transactionJson));
  const entriesJson = JSON.stringify(entries.map(entryJson));
  return sql`select record_payments(${transactionsJson}::jsonb, ${entriesJson}::jsonb)`;
}

/**
 * The call of `record_expected_sales` for `sales`: each with the facts it rests on, written as
 * `sale_facts` reads them (a context as `contextOf` reads it back), and its rows.
 */
export function recordExpectedSalesQuery(sales: readonly ExpectedSale[]): SQL {
  return sql`select record_expected_sales(${expectedSalesJson(sales)}::jsonb) as answers`;
}

/** The argument of `record_expected_sales` for `sales`, as JSON text. */
export function expectedSalesJson(sales: readonly ExpectedSale[]): string {
  const json = sales.map((s) => ({
    ...expectedJson(s),
    service: s.service,
    date: s.record.businessDate,
    rate: { rateBps: s.rate.rateBps, capFen: s.rate.capFen?.toString() ?? null },
  }));
  return JSON.stringify(json);
}

/** The argument of `record_expected_voids` for `voids`, as JSON text (see 0017). */
export function expectedVoidsJson(voids: readonly ExpectedVoid[]): string {
  const json = voids.map((v) => ({
    ...expectedJson(v),
    original: {
      batchNo: v.original.batchNo,
      voucherNo: v.original.voucherNo,
      id: v.original.id,
      status: v.original.status,
      refundedFen: v.original.refundedFen.toString(),
    },
  }));
  return JSON.stringify(json);
}

/** What every expected payment carries: its key and instant, its terminal's context, its rows. */
function expectedJson(payment: ExpectedSale | ExpectedVoid) {
  const { record, entry } = payment;
  return {
    terminalId: record.terminalId,
    batchNo: record.batchNo,
    voucherNo: record.voucherNo,
    at: record.createdAt.toISOString(),
    ctx: contextJson(payment.ctx),
    transaction: transactionJson({ ...record, rrn: null }),
    entry: entry ? entryJson(entry) : null,
  };
}

/** The call of `record_expected_voids` for `voids`. */
export function recordExpectedVoidsQuery(voids: readonly ExpectedVoid[]): SQL {
  return sql`select record_expected_voids(${expectedVoidsJson(voids)}::jsonb) as answers`;
}

/** What `record_expected_sales` or `…_voids` answered for one payment: its RRN if recorded. */
export function expectedAnswerOf(value: unknown): { rrn: string } | undefined {
  const o = value as Record<string, unknown> | null;
  return typeof o?.['rrn'] === 'string' ? { rrn: o['rrn'] } : undefined;
}

/** A terminal context as `sale_facts` writes it (and `contextOf` reads it). */
function contextJson(c: TerminalContext) {
  return {
    terminalId: c.terminalId,
    merchantId: c.merchantId,
    merchantNo: c.merchantNo,
    merchantStatus: c.merchantStatus,
    terminalStatus: c.terminalStatus,
    signedIn: c.signedIn,
    currentBatchNo: c.currentBatchNo,
    batchStatus: c.batchStatus,
    services: c.activeServices,
  };
}

function transactionJson(t: Omit<TransactionRecord, 'rrn'> & { readonly rrn: string | null }) {
  return {
    id: t.id,
    merchant_id: t.merchantId,
    terminal_id: t.terminalId,
    batch_no: t.batchNo,
    voucher_no: t.voucherNo,
    kind: t.kind,
    status: t.status,
    outcome_code: t.outcomeCode,
    amount_fen: t.amountFen.toString(),
    fee_fen: t.feeFen.toString(),
    fee_rate_bps: t.feeRateBps,
    service: t.service,
    payment_method: t.paymentMethod,
    pan_masked: t.panMasked,
    card_org: t.cardOrg,
    rrn: t.rrn,
    auth_code: t.authCode,
    original_id: t.originalId,
    refunded_fen: t.refundedFen.toString(),
    business_date: t.businessDate,
    request_hash: t.requestHash,
    created_at: t.createdAt.toISOString(),
    closed_at: t.closedAt?.toISOString() ?? null,
  };
}

function entryJson(e: JournalEntry) {
  return {
    id: e.id,
    kind: e.kind,
    merchant_id: e.merchantId,
    transaction_id: e.transactionId,
    settlement_id: e.settlementId,
    business_date: e.businessDate,
    created_at: e.createdAt.toISOString(),
    line_accounts: e.lines.map((l) => l.account),
    line_merchant_ids: e.lines.map((l) => l.merchantId),
    line_amounts_fen: e.lines.map((l) => l.amountFen.toString()),
  };
}

/**
 * Inserts journal entries with their lines, in one statement whatever their number (a payment's
 * entry, or a chunk of settlements'): `record_payments` with no transactions.
 */
export async function postEntries(tx: Db, entries: readonly JournalEntry[]): Promise<void> {
  const statement = writesOf([], entries);
  if (statement) await tx.execute(statement);
}

export function openRefundQuery(
  key: RequestKey,
  request: { readonly rrn: string; readonly date: string },
): SQL {
  return sql`select open_refund(${key.terminalId}, ${key.batchNo}, ${key.voucherNo},
    ${request.rrn}, ${request.date}::date) as opening`;
}

export function openVoidQuery(
  key: RequestKey,
  original: { readonly batchNo: number; readonly voucherNo: number },
): SQL {
  return sql`select open_void(${key.terminalId}, ${key.batchNo}, ${key.voucherNo},
    ${original.batchNo}, ${original.voucherNo}) as opening`;
}

export function openSaleQuery(key: RequestKey, request: SaleOpeningRequest): SQL {
  return sql`select open_sale(${key.terminalId}, ${key.batchNo}, ${key.voucherNo},
    ${request.date}::date, ${request.service}, ${request.at.toISOString()}::timestamptz)
    as opening`;
}

function feeRateOf(value: unknown): FeeRate | undefined {
  if (value === null || value === undefined) return undefined;
  const r = value as Record<string, unknown>;
  return { rateBps: num(r['rateBps']), capFen: r['capFen'] === null ? null : big(r['capFen']) };
}

/** The transaction of a request key (terminal, batch and voucher number). */
export function byKey(key: RequestKey) {
  return and(
    eq(transactions.terminalId, key.terminalId),
    eq(transactions.batchNo, key.batchNo),
    eq(transactions.voucherNo, key.voucherNo),
  );
}
