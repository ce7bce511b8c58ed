// PostgreSQL implementation of the payments port: row locks on the terminal and the original,
// a shared advisory lock on the business date, and an RRN from the acquirer's sequence.
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
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

export class PgPaymentsTx implements PaymentsTx {
  private readonly tx: Db;

  constructor(tx: Db) {
    this.tx = tx;
  }

  async holdBusinessDate(date: string): Promise<BusinessDateStatus> {
    await this.tx.execute(sql`select pg_advisory_xact_lock_shared(${businessDateLockKey(date)})`);
    const status = await this.businessDateStatus(date);
    return status;
  }

  async businessDateStatus(date: string): Promise<BusinessDateStatus> {
    const [row] = await this.tx
      .select({ status: businessDates.status })
      .from(businessDates)
      .where(eq(businessDates.businessDate, date));
    if (row) return row.status as BusinessDateStatus;
    await this.tx
      .insert(businessDates)
      .values({ businessDate: date, status: 'open' })
      .onConflictDoNothing();
    return 'open';
  }

  async lockTerminal(terminalId: string, batchNo: number): Promise<TerminalContext | undefined> {
    const result = await this.tx.execute(sql`
      select t.terminal_id, t.merchant_id, m.merchant_no, m.status as merchant_status,
        t.status as terminal_status, t.current_batch_no,
        (t.signed_in_at is not null
          and (t.signed_off_at is null or t.signed_off_at < t.signed_in_at)) as signed_in,
        (select b.status from terminal_batch b
          where b.terminal_id = t.terminal_id and b.batch_no = ${batchNo}) as batch_status,
        (select string_agg(s.service, ',') from merchant_service s
          where s.merchant_id = t.merchant_id and s.status = 'active') as services
      from terminal t join merchant m on m.id = t.merchant_id
      where t.terminal_id = ${terminalId}
      for update of t`);
    const [r] = rowsOf(result);
    if (!r) return undefined;
    return {
      terminalId: String(r['terminal_id']),
      merchantId: String(r['merchant_id']),
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
    const [row] = await this.tx.select().from(transactions).where(byKey(key));
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalByVoucher(key: RequestKey): Promise<TransactionRecord | undefined> {
    const [row] = await this.tx.select().from(transactions).where(byKey(key)).for('update');
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalById(id: string): Promise<TransactionRecord | undefined> {
    const [row] = await this.tx
      .select()
      .from(transactions)
      .where(eq(transactions.id, id))
      .for('update');
    return row ? toRecord(row) : undefined;
  }

  async lockOriginalByRrn(merchantId: string, rrn: string): Promise<TransactionRecord | undefined> {
    const [row] = await this.tx
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
    const [row] = await this.tx
      .select({ status: terminalBatches.status })
      .from(terminalBatches)
      .where(and(eq(terminalBatches.terminalId, terminalId), eq(terminalBatches.batchNo, batchNo)));
    return (row?.status ?? null) as 'open' | 'settled' | null;
  }

  async rateInForce(merchantId: string, service: Service, at: Date): Promise<FeeRate | undefined> {
    const result = await this.tx.execute(sql`
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
    const [row] = await this.tx
      .insert(transactions)
      .values({ ...record })
      .returning({ rrn: transactions.rrn });
    if (!row) throw new Error('insert returned no row');
    return { ...record, rrn: row.rrn };
  }

  async updateTransaction(id: string, changes: TransactionChanges): Promise<void> {
    await this.tx.update(transactions).set(changes).where(eq(transactions.id, id));
  }

  async recordVoucher(terminalId: string, voucherNo: number): Promise<void> {
    await this.tx
      .update(terminals)
      .set({ lastVoucherNo: voucherNo })
      .where(eq(terminals.terminalId, terminalId));
  }

  async postEntry(entry: JournalEntry): Promise<void> {
    await postEntries(this.tx, [entry]);
  }

  async linesOfTransaction(transactionId: string): Promise<JournalLine[]> {
    const rows = await this.tx
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

/** Inserts entries and their lines (two statements whatever the number of entries). */
export async function postEntries(tx: Db, entries: readonly JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(journalEntries).values(
    entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      merchantId: e.merchantId,
      transactionId: e.transactionId,
      settlementId: e.settlementId,
      businessDate: e.businessDate,
      createdAt: e.createdAt,
    })),
  );
  await tx.insert(journalLines).values(
    entries.flatMap((e) =>
      e.lines.map((l) => ({
        entryId: e.id,
        account: l.account,
        merchantId: l.merchantId,
        amountFen: l.amountFen,
      })),
    ),
  );
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
      db.transaction((tx) => work(new PgPaymentsTx(tx as unknown as Db)), {
        isolationLevel: 'read committed',
      }),
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
