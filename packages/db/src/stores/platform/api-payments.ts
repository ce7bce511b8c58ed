// The virtual terminal of a merchant's API payments: made on first use, and its voucher numbers
// handed out one by one under the row's lock (999999 wraps to 1, when the API rolls its batch).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { apiTerminals, merchants, terminals } from '../../schema/index.ts';
import { num, rowsOf } from '../rows.ts';

export const VOUCHER_NO_MAX = 999_999;

async function findApiTerminal(db: Db, merchantId: string): Promise<string | undefined> {
  const [found] = await db
    .select({ terminalId: apiTerminals.terminalId })
    .from(apiTerminals)
    .where(eq(apiTerminals.merchantId, merchantId));
  return found?.terminalId;
}

/**
 * The merchant's virtual terminal, made now if it has none. A payment reads it without a
 * transaction; only the first one makes it, under the merchant's lock.
 */
export async function ensureApiTerminal(
  db: Db,
  input: { readonly merchantId: string; readonly at: Date },
): Promise<{ readonly terminalId: string; readonly created: boolean }> {
  const existing = await findApiTerminal(db, input.merchantId);
  if (existing) return { terminalId: existing, created: false };
  return db.transaction(async (tx) => {
    // Two first payments at once: the merchant's row makes the second wait, then find the first's.
    await tx
      .select({ id: merchants.id })
      .from(merchants)
      .where(eq(merchants.id, input.merchantId))
      .for('no key update');
    const found = await findApiTerminal(tx, input.merchantId);
    if (found) return { terminalId: found, created: false };
    const seq = num(
      rowsOf(await tx.execute(sql`select nextval('api_terminal_seq') as n`))[0]?.['n'],
    );
    const terminalId = `V${String(seq).padStart(7, '0')}`;
    await tx.insert(terminals).values({
      terminalId,
      merchantId: input.merchantId,
      serialNo: `API-${terminalId}`,
      status: 'active',
      currentBatchNo: 1,
      createdAt: input.at,
    });
    await tx.insert(apiTerminals).values({
      merchantId: input.merchantId,
      terminalId,
      nextVoucherNo: 1,
    });
    return { terminalId, created: true };
  });
}

/** The next request key of the merchant's virtual terminal: its open batch and a voucher number. */
export async function allocateRequestKey(
  db: Db,
  merchantId: string,
): Promise<{ readonly terminalId: string; readonly batchNo: number; readonly voucherNo: number }> {
  const result = await db.execute(sql`
    update api_terminal a set next_voucher_no =
      case when a.next_voucher_no >= ${VOUCHER_NO_MAX} then 1 else a.next_voucher_no + 1 end
    from terminal t
    where a.merchant_id = ${merchantId} and t.terminal_id = a.terminal_id
    returning a.terminal_id, t.current_batch_no,
      case when a.next_voucher_no = 1 then ${VOUCHER_NO_MAX} else a.next_voucher_no - 1 end
        as voucher_no`);
  const row = rowsOf(result)[0];
  if (!row) throw new Error(`merchant ${merchantId} has no API terminal`);
  return {
    terminalId: String(row['terminal_id']),
    batchNo: num(row['current_batch_no']),
    voucherNo: num(row['voucher_no']),
  };
}
