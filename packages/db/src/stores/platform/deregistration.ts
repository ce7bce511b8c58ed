// Account deregistration (注销账户): the facts its checklist is evaluated on (one read, optionally
// under the locks that keep them true until commit), the merchant's charges and their close-out,
// closing the account, and the closure record.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import {
  chargeReceivedEntry,
  type BusinessDate,
  type Charge,
  type ChargeKind,
  type DeregistrationFacts,
  type JournalEntry,
  type MerchantStatus,
  type Service,
  type TerminalStatus,
} from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import {
  apiKeys,
  merchantCharges,
  merchantClosures,
  merchants,
  merchantServices,
  merchantSettlements,
  merchantUsers,
  terminals,
  userSessions,
} from '../../schema/index.ts';
import { balancesQuery } from '../ledger-store.ts';
import { postEntries } from '../payments-tx.ts';
import { big, num, rowsOf } from '../rows.ts';

/**
 * Locks the merchant (FOR NO KEY UPDATE: settlement runs wait, payments do not) and then its
 * terminals in id order, as payments lock a terminal: a sale, void, refund or terminal settlement
 * in flight finishes first, and every later one sees what this transaction commits.
 */
async function lockMerchantAndTerminals(db: Db, merchantId: string): Promise<void> {
  await db.execute(sql`select id from merchant where id = ${merchantId}::uuid for no key update`);
  await db.execute(sql`select terminal_id from terminal where merchant_id = ${merchantId}::uuid
    order by terminal_id for update`);
}

/**
 * What the deregistration checklist needs about a merchant, or undefined when there is none.
 * With `lock` (at approval), read under the merchant's and its terminals' locks.
 */
export async function readDeregistrationFacts(
  db: Db,
  merchantId: string,
  options: { readonly lock: boolean } = { lock: false },
): Promise<DeregistrationFacts | undefined> {
  if (options.lock) await lockMerchantAndTerminals(db, merchantId);
  const [merchant] = await db
    .select({ status: merchants.status })
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  if (!merchant) return undefined;
  const unsettled = await unsettledDays(db, merchantId);
  const balances = rowsOf(await db.execute(balancesQuery(merchantId)));
  const owed = (account: string) =>
    -big(balances.find((b) => b['account'] === account)?.['balance_fen']);
  return {
    merchantStatus: merchant.status as MerchantStatus,
    openBatches: await openBatches(db, merchantId),
    unsettledSales: unsettled.filter((d) => d.kind === 'sale').map(({ kind: _, ...d }) => d),
    pendingRefunds: unsettled.filter((d) => d.kind === 'refund').map(({ kind: _, ...d }) => d),
    unpaidPayouts: await unpaidPayouts(db, merchantId),
    pendingFen: owed('merchant_pending'),
    payableFen: owed('merchant_payable'),
    terminals: (
      await db
        .select({
          terminalId: terminals.terminalId,
          status: terminals.status,
          frozenReason: terminals.frozenReason,
        })
        .from(terminals)
        .where(eq(terminals.merchantId, merchantId))
        .orderBy(asc(terminals.terminalId))
    ).map((t) => ({ ...t, status: t.status as TerminalStatus })),
  };
}

/** Open batches holding what terminal settlement counts (core/terminals batchTotals). */
async function openBatches(db: Db, merchantId: string) {
  const rows = rowsOf(
    await db.execute(sql`
      select b.terminal_id, b.batch_no, count(*) as n
      from terminal tm
      join terminal_batch b on b.terminal_id = tm.terminal_id and b.status = 'open'
      join transactions t on t.terminal_id = b.terminal_id and t.batch_no = b.batch_no
      where tm.merchant_id = ${merchantId}::uuid
        and ((t.kind = 'sale' and t.status in ('approved', 'voided'))
          or (t.kind in ('void', 'refund') and t.status = 'approved'))
      group by b.terminal_id, b.batch_no
      order by b.terminal_id, b.batch_no`),
  );
  return rows.map((r) => ({
    terminalId: String(r['terminal_id']),
    batchNo: num(r['batch_no']),
    transactionCount: num(r['n']),
  }));
}

/**
 * Approved sales and refunds on dates not yet settled for this merchant: the date is not settled
 * and the merchant has no settlement for it (a run stopped half-way has settled some merchants).
 */
async function unsettledDays(db: Db, merchantId: string) {
  const rows = rowsOf(
    await db.execute(sql`
      select t.kind, t.business_date::text as business_date, count(*) as n,
        sum(t.amount_fen) as amount_fen
      from transactions t
      where t.merchant_id = ${merchantId}::uuid and t.kind in ('sale', 'refund')
        and t.status = 'approved'
        and t.business_date in (select d.business_date from business_date d
          where d.status <> 'settled')
        and not exists (select 1 from merchant_settlement s
          where s.merchant_id = t.merchant_id and s.business_date = t.business_date)
      group by t.kind, t.business_date
      order by t.business_date, t.kind`),
  );
  return rows.map((r) => ({
    kind: String(r['kind']),
    businessDate: String(r['business_date']) as BusinessDate,
    count: num(r['n']),
    amountFen: big(r['amount_fen']),
  }));
}

/** Payouts instructed, not confirmed paid; a settlement that paid nothing has none to wait for. */
async function unpaidPayouts(db: Db, merchantId: string) {
  const rows = await db
    .select({
      businessDate: merchantSettlements.businessDate,
      payableDate: merchantSettlements.payableDate,
      payoutFen: merchantSettlements.payoutFen,
    })
    .from(merchantSettlements)
    .where(
      and(
        eq(merchantSettlements.merchantId, merchantId),
        eq(merchantSettlements.status, 'payable'),
        sql`${merchantSettlements.payoutFen} > 0`,
      ),
    )
    .orderBy(asc(merchantSettlements.businessDate));
  return rows;
}

/**
 * Marks the merchant's payable settlements up to `upTo` paid: the bank confirmed the transfers.
 * Returns how many were marked.
 */
export async function markPayoutsPaid(
  db: Db,
  input: { readonly merchantId: string; readonly upTo: BusinessDate },
): Promise<number> {
  const rows = await db
    .update(merchantSettlements)
    .set({ status: 'paid' })
    .where(
      and(
        eq(merchantSettlements.merchantId, input.merchantId),
        eq(merchantSettlements.status, 'payable'),
        sql`${merchantSettlements.businessDate} <= ${input.upTo}::date`,
      ),
    )
    .returning({ id: merchantSettlements.id });
  return rows.length;
}

export type ChargeRow = typeof merchantCharges.$inferSelect;

export function chargeOf(row: ChargeRow): Charge {
  return {
    id: row.id,
    merchantId: row.merchantId,
    kind: row.kind as ChargeKind,
    service: row.service as Service | null,
    amountFen: row.amountFen,
    paidAt: row.paidAt,
    coversFrom: row.coversFrom,
    coversUntil: row.coversUntil,
  };
}

/** Records a charge the merchant paid, with the entry that receives it (in `db`'s transaction). */
export async function recordCharge(
  db: Db,
  input: { readonly charge: Charge; readonly entryId: string; readonly businessDate: BusinessDate },
): Promise<JournalEntry> {
  const { charge } = input;
  const entry = chargeReceivedEntry(charge, {
    id: input.entryId,
    businessDate: input.businessDate,
    createdAt: charge.paidAt,
  });
  await postEntries(db, [entry]);
  await db.insert(merchantCharges).values({
    ...charge,
    entryId: entry.id,
    refundFen: null,
    refundedAt: null,
    refundEntryId: null,
  });
  return entry;
}

/** The merchant's charges, oldest first (deposits before fees paid at the same instant). */
export async function listCharges(db: Db, merchantId: string): Promise<ChargeRow[]> {
  return db
    .select()
    .from(merchantCharges)
    .where(eq(merchantCharges.merchantId, merchantId))
    .orderBy(asc(merchantCharges.paidAt), asc(merchantCharges.kind), asc(merchantCharges.id));
}

/** The charges not closed out yet, locked until commit. */
export async function lockOpenCharges(db: Db, merchantId: string): Promise<ChargeRow[]> {
  return db
    .select()
    .from(merchantCharges)
    .where(and(eq(merchantCharges.merchantId, merchantId), isNull(merchantCharges.refundedAt)))
    .orderBy(asc(merchantCharges.paidAt), asc(merchantCharges.id))
    .for('update');
}

/** Posts the close-out entries and records each charge's refund. */
export async function closeOutCharges(
  db: Db,
  input: {
    readonly at: Date;
    readonly closed: readonly {
      readonly chargeId: string;
      readonly refundFen: bigint;
      readonly entry: JournalEntry;
    }[];
  },
): Promise<void> {
  await postEntries(
    db,
    input.closed.map((c) => c.entry),
  );
  for (const c of input.closed) {
    await db
      .update(merchantCharges)
      .set({ refundFen: c.refundFen, refundedAt: input.at, refundEntryId: c.entry.id })
      .where(and(eq(merchantCharges.id, c.chargeId), isNull(merchantCharges.refundedAt)));
  }
}

export type AccountClosed = {
  readonly terminalsDeactivated: readonly string[];
  readonly servicesRevoked: readonly string[];
  readonly usersDisabled: number;
  readonly sessionsEnded: number;
  readonly apiKeysRevoked: number;
};

/**
 * Closes the merchant: status closed, every terminal deactivated (and signed off), every service
 * revoked, every user disabled with their sessions ended, every secret key revoked.
 */
export async function closeMerchantAccount(
  db: Db,
  input: { readonly merchantId: string; readonly at: Date },
): Promise<AccountClosed> {
  const { merchantId, at } = input;
  await db
    .update(merchants)
    .set({ status: 'closed', closedAt: at })
    .where(eq(merchants.id, merchantId));
  const deactivated = await db
    .update(terminals)
    .set({ status: 'deactivated', frozenReason: null, signedOffAt: at })
    .where(and(eq(terminals.merchantId, merchantId), ne(terminals.status, 'deactivated')))
    .returning({ terminalId: terminals.terminalId });
  const revoked = await db
    .update(merchantServices)
    .set({ status: 'revoked', changedAt: at })
    .where(and(eq(merchantServices.merchantId, merchantId), ne(merchantServices.status, 'revoked')))
    .returning({ service: merchantServices.service });
  const disabled = await db
    .update(merchantUsers)
    .set({ status: 'disabled' })
    .where(and(eq(merchantUsers.merchantId, merchantId), eq(merchantUsers.status, 'active')))
    .returning({ id: merchantUsers.id });
  const ended = await db
    .delete(userSessions)
    .where(and(eq(userSessions.userKind, 'merchant'), eq(userSessions.merchantId, merchantId)))
    .returning({ tokenHash: userSessions.tokenHash });
  const keys = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.merchantId, merchantId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return {
    terminalsDeactivated: deactivated.map((t) => t.terminalId).sort(),
    servicesRevoked: revoked.map((s) => s.service).sort(),
    usersDisabled: disabled.length,
    sessionsEnded: ended.length,
    apiKeysRevoked: keys.length,
  };
}

export type ClosureRow = typeof merchantClosures.$inferSelect;

export async function insertClosure(db: Db, row: ClosureRow): Promise<void> {
  await db.insert(merchantClosures).values(row);
}

export async function findClosure(db: Db, merchantId: string): Promise<ClosureRow | undefined> {
  const [row] = await db
    .select()
    .from(merchantClosures)
    .where(eq(merchantClosures.merchantId, merchantId));
  return row;
}
