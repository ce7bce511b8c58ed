// Read-only queries the server's adapters need beyond the engine: counts for /status, the merchant
// directory printed at start, a merchant by its number, and dates waiting for settlement.
import { isNull } from 'drizzle-orm';
import { schema, type Db } from '@shoudan/db';

export type Counts = {
  readonly merchants: number;
  readonly terminals: number;
  readonly transactions: number;
  /** Reversals the card network has not taken yet (kept to be sent again). */
  readonly reversalsPending: number;
};

export async function counts(db: Db): Promise<Counts> {
  return {
    merchants: await db.$count(schema.merchants),
    terminals: await db.$count(schema.terminals),
    transactions: await db.$count(schema.transactions),
    reversalsPending: await db.$count(
      schema.networkReversals,
      isNull(schema.networkReversals.reversedAt),
    ),
  };
}

export type DirectoryEntry = {
  readonly merchantNo: string;
  readonly name: string;
  readonly merchantType: string;
  readonly status: string;
  readonly terminalIds: readonly string[];
};

/** Merchants by number with their terminals; at most `limit` merchants. */
export async function merchantDirectory(db: Db, limit: number): Promise<DirectoryEntry[]> {
  const merchants = await db.query.merchants.findMany({
    orderBy: (m, { asc }) => [asc(m.merchantNo)],
    limit,
  });
  const entries: DirectoryEntry[] = [];
  for (const m of merchants) {
    const terminals = await db.query.terminals.findMany({
      columns: { terminalId: true },
      where: (t, { eq }) => eq(t.merchantId, m.id),
      orderBy: (t, { asc }) => [asc(t.terminalId)],
    });
    entries.push({
      merchantNo: m.merchantNo,
      name: m.name,
      merchantType: m.merchantType,
      status: m.status,
      terminalIds: terminals.map((t) => t.terminalId),
    });
  }
  return entries;
}

export async function findMerchantByNo(
  db: Db,
  merchantNo: string,
): Promise<{ readonly id: string; readonly name: string } | undefined> {
  return db.query.merchants.findFirst({
    columns: { id: true, name: true },
    where: (m, { eq }) => eq(m.merchantNo, merchantNo),
  });
}

/** Business dates cut off but not yet settled (after a crash between the two), oldest first. */
export async function datesAwaitingSettlement(db: Db): Promise<string[]> {
  const rows = await db.query.businessDates.findMany({
    columns: { businessDate: true },
    where: (d, { eq }) => eq(d.status, 'cut_off'),
    orderBy: (d, { asc }) => [asc(d.businessDate)],
  });
  return rows.map((r) => r.businessDate);
}
