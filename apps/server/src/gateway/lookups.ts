// Read-only lookups the gateway needs beyond the engine: the record of a declined request (for
// its RRN and time, so a retransmission gets the same answer) and the original a void or refund
// names (to check 37, 38 and the card before asking the engine). Never locked; facts only.
import type { OutcomeCode, RequestKey } from '@shoudan/core';
import type { Db } from '@shoudan/db';
import type { TransactionFacts } from './answers.ts';

export type RecordedRequest = TransactionFacts & {
  readonly kind: string;
  readonly status: string;
  readonly outcomeCode: string | null;
  readonly batchNo: number;
  readonly voucherNo: number;
  readonly amountFen: bigint;
  readonly panMasked: string | null;
};

const COLUMNS = {
  rrn: true,
  authCode: true,
  createdAt: true,
  businessDate: true,
  cardOrg: true,
  kind: true,
  status: true,
  outcomeCode: true,
  batchNo: true,
  voucherNo: true,
  amountFen: true,
  panMasked: true,
} as const;

/** The transaction recorded under a terminal's request key, if any. */
export async function findByRequestKey(
  db: Db,
  key: RequestKey,
): Promise<RecordedRequest | undefined> {
  return db.query.transactions.findFirst({
    columns: COLUMNS,
    where: (t, { and, eq }) =>
      and(
        eq(t.terminalId, key.terminalId),
        eq(t.batchNo, key.batchNo),
        eq(t.voucherNo, key.voucherNo),
      ),
  });
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
  return db.query.transactions.findFirst({
    columns: COLUMNS,
    where: (t, { and, eq }) =>
      and(eq(t.merchantId, merchantId), eq(t.rrn, rrn), eq(t.kind, 'sale')),
  });
}
