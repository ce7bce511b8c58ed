// What the virtual POS reads of the database: a merchant's own terminals (never another
// merchant's, never the virtual terminal of its API payments) and where a terminal's voucher
// numbers stand, so that a device opened after a restart does not reuse one.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { schema, type Db } from '@shoudan/db';

const { terminals, apiTerminals, transactions } = schema;

export type PosTerminalRow = {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly serialNo: string;
  readonly status: string;
  readonly currentBatchNo: number;
};

const COLUMNS = {
  terminalId: terminals.terminalId,
  merchantId: terminals.merchantId,
  serialNo: terminals.serialNo,
  status: terminals.status,
  currentBatchNo: terminals.currentBatchNo,
};

/** The merchant's POS terminals, by terminal id; API-payment terminals are left out. */
export async function merchantPosTerminals(db: Db, merchantId: string): Promise<PosTerminalRow[]> {
  return db
    .select(COLUMNS)
    .from(terminals)
    .leftJoin(apiTerminals, eq(apiTerminals.terminalId, terminals.terminalId))
    .where(and(eq(terminals.merchantId, merchantId), isNull(apiTerminals.terminalId)))
    .orderBy(asc(terminals.terminalId));
}

/** One of them; undefined for another merchant's terminal, an API terminal or none. */
export async function merchantPosTerminal(
  db: Db,
  merchantId: string,
  terminalId: string,
): Promise<PosTerminalRow | undefined> {
  const [row] = await db
    .select(COLUMNS)
    .from(terminals)
    .leftJoin(apiTerminals, eq(apiTerminals.terminalId, terminals.terminalId))
    .where(
      and(
        eq(terminals.merchantId, merchantId),
        eq(terminals.terminalId, terminalId),
        isNull(apiTerminals.terminalId),
      ),
    );
  return row;
}

/** The voucher number of the terminal's latest recorded request; 0 when it has none. */
export async function lastVoucherNo(db: Db, terminalId: string): Promise<number> {
  const [row] = await db
    .select({ voucherNo: transactions.voucherNo })
    .from(transactions)
    .where(eq(transactions.terminalId, terminalId))
    .orderBy(desc(transactions.createdAt), desc(transactions.voucherNo))
    .limit(1);
  return row?.voucherNo ?? 0;
}
