// PostgreSQL implementation of the terminals port: sessions, batches and batch totals.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type {
  BatchRow,
  BatchTotals,
  TerminalRow,
  TerminalStatus,
  TerminalsStore,
  TerminalsTx,
  TotalsBlock,
} from '@shoudan/core';
import { EMPTY_BLOCK } from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { terminalBatches, terminals } from '../schema/index.ts';
import { big, num, rowsOf } from './rows.ts';

type StoredBlock = { debitFen: string; debitCount: number; creditFen: string; creditCount: number };
type StoredTotals = { domestic: StoredBlock; foreign: StoredBlock };

function storeTotals(t: BatchTotals): StoredTotals {
  const block = (b: TotalsBlock): StoredBlock => ({
    debitFen: b.debitFen.toString(),
    debitCount: b.debitCount,
    creditFen: b.creditFen.toString(),
    creditCount: b.creditCount,
  });
  return { domestic: block(t.domestic), foreign: block(t.foreign) };
}

function loadTotals(value: unknown): BatchTotals | null {
  if (!value) return null;
  const t = (typeof value === 'string' ? JSON.parse(value) : value) as StoredTotals;
  const block = (b: StoredBlock): TotalsBlock => ({
    debitFen: BigInt(b.debitFen),
    debitCount: b.debitCount,
    creditFen: BigInt(b.creditFen),
    creditCount: b.creditCount,
  });
  return { domestic: block(t.domestic), foreign: block(t.foreign) };
}

/**
 * The voucher number of the terminal's newest transaction (0 if none): the newest of its highest
 * batch (numbers wrap only after 999,999 settlements), read through the request key, never the
 * terminal's whole history.
 */
export function lastVoucherNoOf(terminalId: SQL): SQL {
  return sql`coalesce((select x.voucher_no from transactions x
    where x.terminal_id = ${terminalId}
      and x.batch_no = (select max(y.batch_no) from transactions y
        where y.terminal_id = ${terminalId})
    order by x.created_at desc, x.voucher_no desc limit 1), 0)`;
}

class PgTerminalsTx implements TerminalsTx {
  private readonly tx: Db;

  constructor(tx: Db) {
    this.tx = tx;
  }

  async lockTerminal(terminalId: string): Promise<TerminalRow | undefined> {
    const result = await this.tx.execute(sql`
      select t.terminal_id, t.merchant_id, t.status, t.current_batch_no,
        ${lastVoucherNoOf(sql`t.terminal_id`)} as last_voucher_no,
        m.status = 'active' as merchant_active
      from terminal t join merchant m on m.id = t.merchant_id
      where t.terminal_id = ${terminalId}
      for update of t`);
    const [r] = rowsOf(result);
    if (!r) return undefined;
    return {
      terminalId: String(r['terminal_id']),
      merchantId: String(r['merchant_id']),
      status: r['status'] as TerminalStatus,
      merchantActive: r['merchant_active'] === true,
      currentBatchNo: num(r['current_batch_no']),
      lastVoucherNo: num(r['last_voucher_no']),
    };
  }

  async activate(terminalId: string): Promise<void> {
    await this.tx
      .update(terminals)
      .set({ status: 'active' })
      .where(eq(terminals.terminalId, terminalId));
  }

  async ensureBatch(
    terminalId: string,
    merchantId: string,
    batchNo: number,
    at: Date,
  ): Promise<BatchRow> {
    await this.tx
      .insert(terminalBatches)
      .values({ terminalId, batchNo, merchantId, status: 'open', openedAt: at })
      .onConflictDoNothing();
    const row = await this.batch(terminalId, batchNo);
    if (!row) throw new Error('batch vanished after insert');
    return row;
  }

  async signIn(terminalId: string, batchNo: number, at: Date): Promise<void> {
    await this.tx
      .update(terminals)
      .set({ signedInAt: at, signedOffAt: null, currentBatchNo: batchNo })
      .where(eq(terminals.terminalId, terminalId));
  }

  async signOff(terminalId: string, at: Date): Promise<void> {
    await this.tx
      .update(terminals)
      .set({ signedOffAt: at })
      .where(eq(terminals.terminalId, terminalId));
  }

  async batch(terminalId: string, batchNo: number): Promise<BatchRow | undefined> {
    const [row] = await this.tx
      .select()
      .from(terminalBatches)
      .where(and(eq(terminalBatches.terminalId, terminalId), eq(terminalBatches.batchNo, batchNo)));
    if (!row) return undefined;
    return {
      status: row.status as 'open' | 'settled',
      hostTotals: loadTotals(row.hostTotals),
      terminalTotals: loadTotals(row.terminalTotals),
      balanced: row.balanced,
      settledAt: row.settledAt,
    };
  }

  async batchTotals(terminalId: string, batchNo: number): Promise<BatchTotals> {
    const result = await this.tx.execute(sql`
      -- isDomesticCard (core/terminals/model.ts), in SQL.
      select (card_org is null or card_org = 'CUP') as domestic,
        coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as debit_fen,
        count(*) filter (where kind = 'sale') as debit_count,
        coalesce(sum(amount_fen) filter (where kind <> 'sale'), 0) as credit_fen,
        count(*) filter (where kind <> 'sale') as credit_count
      from transactions
      where terminal_id = ${terminalId} and batch_no = ${batchNo}
        and ((kind = 'sale' and status in ('approved', 'voided'))
          or (kind in ('void', 'refund') and status = 'approved'))
      group by 1`);
    let domestic = EMPTY_BLOCK;
    let foreign = EMPTY_BLOCK;
    for (const r of rowsOf(result)) {
      const block: TotalsBlock = {
        debitFen: big(r['debit_fen']),
        debitCount: num(r['debit_count']),
        creditFen: big(r['credit_fen']),
        creditCount: num(r['credit_count']),
      };
      if (r['domestic'] === true) domestic = block;
      else foreign = block;
    }
    return { domestic, foreign };
  }

  async closeBatch(input: Parameters<TerminalsTx['closeBatch']>[0]): Promise<void> {
    await this.tx
      .update(terminalBatches)
      .set({
        status: 'settled',
        settledAt: input.at,
        hostTotals: storeTotals(input.hostTotals),
        terminalTotals: storeTotals(input.terminalTotals),
        balanced: input.balanced,
      })
      .where(
        and(
          eq(terminalBatches.terminalId, input.terminalId),
          eq(terminalBatches.batchNo, input.batchNo),
        ),
      );
  }

  async setCurrentBatch(terminalId: string, batchNo: number): Promise<void> {
    await this.tx
      .update(terminals)
      .set({ currentBatchNo: batchNo })
      .where(eq(terminals.terminalId, terminalId));
  }
}

export function createTerminalsStore(db: Db): TerminalsStore {
  return {
    transaction: (work) =>
      db.transaction((tx) => work(new PgTerminalsTx(tx as unknown as Db)), {
        isolationLevel: 'read committed',
      }),
  };
}
