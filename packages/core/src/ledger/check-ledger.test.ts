// Ledger guards and check: the database refuses unbalanced or edited entries, and the check finds
// entries without a business cause and approved transactions without their entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { schema } from '@shoudan/db';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
  await pos.sale(10_000n);
  await pos.sale(3_000n);
});
afterAll(async () => world.database.close());

type Line = { account: string; merchantId: string | null; amountFen: bigint };

/** A row of journal_entry with these lines, written straight to the table. */
function entry(id: string, lines: readonly Line[]) {
  return {
    id,
    kind: 'sale',
    merchantId: world.merchant.id,
    transactionId: null,
    settlementId: null,
    businessDate: '2026-11-24',
    createdAt: world.clock.now(),
    lineAccounts: lines.map((l) => l.account),
    lineMerchantIds: lines.map((l) => l.merchantId) as string[],
    lineAmountsFen: lines.map((l) => l.amountFen),
  };
}

async function entryCount(id: string): Promise<number> {
  const left = (await world.db.execute(
    sql`select count(*) as n from journal_entry where id = ${id}`,
  )) as unknown as { rows: { n: unknown }[] };
  return Number(left.rows[0]?.n);
}

describe('ledger guards in the database', () => {
  const pending = (amountFen: bigint): Line => ({
    account: 'merchant_pending',
    merchantId: world.merchant.id,
    amountFen,
  });
  const fee = (amountFen: bigint): Line => ({ account: 'fee_income', merchantId: null, amountFen });

  it.each<[string, () => Line[]]>([
    ['lines that do not balance', () => [fee(5n), pending(-4n)]],
    ['no lines', () => []],
    ['a zero line', () => [fee(5n), pending(-5n), pending(0n)]],
    ['an unknown account', () => [fee(5n), { ...pending(-5n), account: 'suspense' }]],
    [
      "a line of another merchant than the entry's",
      () => [fee(5n), { ...pending(-5n), merchantId: world.ids.next() }],
    ],
  ])('refuses an entry with %s, and keeps nothing of it', async (_, lines) => {
    const id = world.ids.next();
    const attempt = world.db.transaction(async (tx) => {
      await tx.insert(schema.journalEntries).values(entry(id, lines()));
    });
    const refusal = await attempt.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(String((refusal?.cause as Error | undefined)?.message)).toMatch(
      /journal_entry_lines_valid/,
    );
    expect(await entryCount(id)).toBe(0);
  });

  it('takes a balanced entry of two lines (the guard refuses only what it must)', async () => {
    const id = world.ids.next();
    const attempt = world.db.transaction(async (tx) => {
      await tx.insert(schema.journalEntries).values(entry(id, [fee(5n), pending(-5n)]));
      const seen = (await tx.execute(
        sql`select count(*) as n from journal_entry where id = ${id}`,
      )) as unknown as { rows: { n: unknown }[] };
      expect(Number(seen.rows[0]?.n)).toBe(1);
      tx.rollback(); // the ledger check below sees only the engine's entries
    });
    await expect(attempt).rejects.toThrow(/rollback/i);
    expect(await entryCount(id)).toBe(0);
  });

  it('refuses to change or delete a posted entry or its lines', async () => {
    await expect(
      world.db.execute(sql`update journal_entry set line_amounts_fen = line_amounts_fen`),
    ).rejects.toThrow();
    await expect(world.db.execute(sql`delete from journal_entry`)).rejects.toThrow();
  });
});

describe('ledger check', () => {
  it('passes on what the engine wrote', async () => {
    const report = await world.engine.checkLedger();
    expect(report).toMatchObject({
      ok: true,
      unbalancedEntryIds: [],
      totalFen: 0n,
      mismatches: [],
    });
    expect(report.entryCount).toBe(2);
    expect(report.lineCount).toBe(6);
  });

  it('finds a balanced entry that moves money without a business cause', async () => {
    const id = world.ids.next();
    await world.db.insert(schema.journalEntries).values(
      entry(id, [
        { account: 'fee_income', merchantId: null, amountFen: 70n },
        { account: 'merchant_pending', merchantId: world.merchant.id, amountFen: -70n },
      ]),
    );
    const report = await world.engine.checkLedger();
    expect(report.ok).toBe(false);
    expect(report.mismatches).toEqual(
      expect.arrayContaining([
        { account: 'fee_income', merchantId: null, ledgerFen: -65n + 70n, expectedFen: -65n },
        {
          account: 'merchant_pending',
          merchantId: world.merchant.id,
          ledgerFen: -(13_000n - 65n) - 70n,
          expectedFen: -(13_000n - 65n),
        },
      ]),
    );
  });

  it('finds an approved transaction without its entry', async () => {
    const sale = await pos.sale(1_000n);
    if (!sale.ok) throw new Error('sale failed');
    await world.db.insert(schema.transactions).values({
      ...sale.value.transaction,
      id: world.ids.next(),
      voucherNo: 999_999,
      rrn: '999999999999',
    });
    const report = await world.engine.checkLedger();
    expect(report.transactionsWithoutEntry).toBe(1);
  });
});
