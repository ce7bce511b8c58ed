// The two-round-trip path on a PostgreSQL server: literals written in place read back exactly,
// voids and refunds take two round trips, and a failed first statement leaves no open
// transaction on the pooled connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  countStatements,
  createServerTestDatabase,
  createWorld,
  serverSuiteUrl,
  TestPos,
  type ServerTestDatabase,
  type World,
} from '../testing/index.ts';
import { cutoffInstantOf } from '@shoudan/core';
import { inline } from './pooled-transaction.ts';

const url = serverSuiteUrl();

describe.skipIf(!url)('pooled payments on PostgreSQL (needs TEST_DATABASE_URL)', () => {
  let database: ServerTestDatabase;
  let world: World;

  beforeAll(async () => {
    // One connection, so every transaction reuses the one a failure could have left dirty.
    database = await createServerTestDatabase(url ?? '', 1);
    // No snapshots: every payment opens, the path these tests are about.
    world = await createWorld(database, { saleSnapshotTtlMs: 0 });
  });
  afterAll(async () => database.drop());

  it('writes literals that read back exactly', async () => {
    const tricky = ["it's", 'back\\slash', "E'\\x27", '收单 ¥12.50', '$1 and $2', ''];
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const text of tricky) {
        const result = await client.query(inline(sql`select ${text}::text as t, ${-5n} as n`));
        expect(result.rows[0]).toEqual({ t: text, n: -5 });
      }
    } finally {
      await client.end();
    }
  });

  it('a void takes two round trips: its opening with BEGIN, its writes with COMMIT', async () => {
    const pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
    pos.voucherNo = 100; // apart from the vouchers the other tests' POS uses
    const sold = await pos.sale(700n);
    if (!sold.ok) throw new Error('sale refused');
    const counter = countStatements();
    const voided = await pos.voidSale(sold.value.transaction, 700n).finally(() => counter.stop());
    expect(voided.ok).toBe(true);
    expect(counter.stop()).toBe(2);
    const again = await pos.voidSale(sold.value.transaction, 700n);
    expect(again.ok ? 'approved' : again.outcome.code).toBe('already_voided');
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('a refund takes two round trips too', async () => {
    const pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
    pos.voucherNo = 200;
    const sold = await pos.sale(800n);
    if (!sold.ok) throw new Error('sale refused');
    const { businessDate, rrn } = sold.value.transaction;
    world.clock.set(cutoffInstantOf(businessDate, world.rules.cutoffTime));
    expect((await world.engine.cutoffDue()).map((c) => c.businessDate)).toContain(businessDate);
    const counter = countStatements();
    const refunded = await pos.refund(rrn, 300n).finally(() => counter.stop());
    expect(refunded.ok).toBe(true);
    expect(counter.stop()).toBe(2);
    const tooMuch = await pos.refund(rrn, 501n);
    expect(tooMuch.ok ? 'approved' : tooMuch.outcome.code).toBe('refund_exceeds_original');
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });

  it('rolls back a failed first statement before the connection is reused', async () => {
    const pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
    const broken = world.engine.sale({
      terminalId: pos.terminalId,
      batchNo: 2 ** 40, // out of the integer range: the SELECT fails after BEGIN took effect
      voucherNo: 1,
      amountFen: 100n,
      method: 'card',
      card: { pan: '6222020000000001' },
    });
    await expect(broken).rejects.toThrow();
    const sale = await pos.sale(100n);
    expect(sale.ok).toBe(true);
    expect((await world.engine.checkLedger()).ok).toBe(true);
  });
});
