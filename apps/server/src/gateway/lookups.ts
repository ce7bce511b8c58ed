// Read-only lookups the gateway needs beyond the engine: the record of a declined request (for
// its RRN and time, so a retransmission gets the same answer) and the original a refund names
// (to check 61 and the card before asking the engine). Never locked; facts only.
import type { OutcomeCode, RequestKey } from '@shoudan/core';
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@shoudan/db';
import type { TransactionFacts } from './answers.ts';

const { transactions } = schema;

export type RecordedRequest = TransactionFacts & {
  readonly kind: string;
  readonly status: string;
  readonly outcomeCode: string | null;
  readonly batchNo: number;
  readonly voucherNo: number;
  readonly amountFen: bigint;
  readonly panMasked: string | null;
};

/** What a lookup reads of a transaction. */
const COLUMNS = {
  rrn: transactions.rrn,
  authCode: transactions.authCode,
  createdAt: transactions.createdAt,
  businessDate: transactions.businessDate,
  cardOrg: transactions.cardOrg,
  kind: transactions.kind,
  status: transactions.status,
  outcomeCode: transactions.outcomeCode,
  batchNo: transactions.batchNo,
  voucherNo: transactions.voucherNo,
  amountFen: transactions.amountFen,
  panMasked: transactions.panMasked,
};

/**
 * The two lookups as prepared statements, made once per database: a decline's or a refund's
 * request asks one each time, and building the query each time cost more than running it.
 */
function prepared(db: Db) {
  return {
    byKey: db
      .select(COLUMNS)
      .from(transactions)
      .where(
        and(
          eq(transactions.terminalId, sql.placeholder('terminalId')),
          eq(transactions.batchNo, sql.placeholder('batchNo')),
          eq(transactions.voucherNo, sql.placeholder('voucherNo')),
        ),
      )
      .limit(1)
      .prepare('gateway_transaction_by_request_key'),
    saleByRrn: db
      .select(COLUMNS)
      .from(transactions)
      .where(
        and(
          eq(transactions.merchantId, sql.placeholder('merchantId')),
          eq(transactions.rrn, sql.placeholder('rrn')),
          eq(transactions.kind, 'sale'),
        ),
      )
      .limit(1)
      .prepare('gateway_sale_by_rrn'),
  };
}

const statements = new WeakMap<Db, ReturnType<typeof prepared>>();

function statementsOf(db: Db): ReturnType<typeof prepared> {
  let made = statements.get(db);
  if (!made) {
    made = prepared(db);
    statements.set(db, made);
  }
  return made;
}

/** The transaction recorded under a terminal's request key, if any. */
async function findByRequestKey(db: Db, key: RequestKey): Promise<RecordedRequest | undefined> {
  const [row] = await statementsOf(db).byKey.execute({ ...key });
  return row;
}

/**
 * The record of a request the engine declined with `code`: present when the decline was
 * recorded (the terminal, merchant and original were checked); never another request's record.
 */
export async function findDeclineRecord(
  db: Db,
  key: RequestKey,
  code: OutcomeCode,
): Promise<RecordedRequest | null> {
  const found = await findByRequestKey(db, key);
  return found && found.status === 'declined' && found.outcomeCode === code ? found : null;
}

/** A sale of the merchant by its RRN (the original a refund names). */
export async function findSaleByRrn(
  db: Db,
  merchantId: string,
  rrn: string,
): Promise<RecordedRequest | undefined> {
  const [row] = await statementsOf(db).saleByRrn.execute({ merchantId, rrn });
  return row;
}
