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

function entry(id: string) {
  return {
    id,
    kind: 'sale',
    merchantId: world.merchant.id,
    transactionId: null,
    settlementId: null,
    businessDate: '2026-11-24',
    createdAt: world.clock.now(),
  };
}

describe('ledger guards in the database', () => {
  it('refuses at commit an entry whose lines do not balance, and keeps nothing of it', async () => {
    const id = world.ids.next();
    const attempt = world.db.transaction(async (tx) => {
      await tx.insert(schema.journalEntries).values(entry(id));
      await tx.insert(schema.journalLines).values([
        { entryId: id, account: 'fee_income', merchantId: null, amountFen: 5n },
        { entryId: id, account: 'merchant_pending', merchantId: world.merchant.id, amountFen: -4n },
      ]);
    });
    await expect(attempt).rejects.toThrow();
    const left = (await world.db.execute(
      sql`select count(*) as n from journal_entry where id = ${id}`,
    )) as unknown as { rows: { n: unknown }[] };
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('refuses to change or delete a posted line', async () => {
    await expect(
      world.db.execute(sql`update journal_line set amount_fen = amount_fen + 1`),
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
    await world.db.transaction(async (tx) => {
      await tx.insert(schema.journalEntries).values(entry(id));
      await tx.insert(schema.journalLines).values([
        { entryId: id, account: 'fee_income', merchantId: null, amountFen: 70n },
        {
          entryId: id,
          account: 'merchant_pending',
          merchantId: world.merchant.id,
          amountFen: -70n,
        },
      ]);
    });
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
