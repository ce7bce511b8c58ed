// Demo seed and cutoff scheduler on PGlite: sound books, settled days, voidable sales, repeatable,
// and a TMK for every demo terminal with its key-loading file.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, addDays, createIds, seededRandom } from '@shoudan/core';
import { createStores, createTerminalKeysStore, schema, type Database } from '@shoudan/db';
import { createSecurityModule } from '@shoudan/hsm';
import { openTestDatabase } from '@shoudan/db/testing';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { startCutoffScheduler } from '../src/cutoff-scheduler.ts';
import { counts } from '../src/queries.ts';
import { createServices, rulesOf, type Services } from '../src/services.ts';
import { readKeyLoadingFile } from '../src/keys/key-loading.ts';
import { seedDemo, type DemoSummary } from '../src/seed/demo.ts';

/** 14:00 in Shanghai: today's business date is 2026-11-25 and still open. */
const NOW = '2026-11-25T06:00:00Z';
const config = loadConfig({ LOG_LEVEL: 'silent' });
const rules = rulesOf(config);

let database: Database;
let summary: DemoSummary;
let services: Services;
const clock = new FakeClock(NOW);
const logLines: string[] = [];
const hsm = createSecurityModule({ masterKeyHex: '00112233445566778899AABBCCDDEEFF' });
let keyDir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  keyDir = await mkdtemp(join(tmpdir(), 'shoudan-demo-keys-'));
  const store = createTerminalKeysStore(database.db);
  const keys = { hsm, store, keyLoadingFile: join(keyDir, 'terminal-keys.json') };
  summary = await seedDemo(database.db, { now: new Date(NOW), rules, days: 3, seed: 7, keys });
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  services = createServices({
    config,
    clock,
    ids: createIds(clock, seededRandom(99)),
    db: database,
    logger: createLogger({ level: 'info', destination }),
  });
});
afterAll(async () => {
  await services.close();
  await rm(keyDir, { recursive: true, force: true });
});

describe('demo seed', () => {
  it('registers six merchants with two terminals each, one D0, one with a revoked service', () => {
    expect(summary.skipped).toBe(false);
    expect(summary.merchants).toHaveLength(6);
    expect(summary.terminals).toBe(12);
    for (const m of summary.merchants) {
      expect(m.merchantNo).toMatch(/^\d{15}$/);
      expect(m.terminalIds).toHaveLength(2);
      for (const t of m.terminalIds) expect(t).toMatch(/^[0-9A-Za-z]{8}$/);
    }
    expect(summary.merchants.filter((m) => m.d0)).toHaveLength(1);
    expect(summary.merchants.filter((m) => m.revoked !== null)).toHaveLength(1);
    expect(new Set(summary.merchants.map((m) => m.merchantType))).toEqual(
      new Set(['individual', 'enterprise']),
    );
  });

  it('loads a TMK into every terminal and writes the key-loading file, owner-only', async () => {
    expect(summary.terminalKeys).toBe(12);
    expect(summary.keyLoadingFile).toBe(join(keyDir, 'terminal-keys.json'));
    const file = summary.keyLoadingFile ?? '';
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const entries = await readKeyLoadingFile(file);
    const store = createTerminalKeysStore(database.db);
    const terminalIds = summary.merchants.flatMap((m) => m.terminalIds);
    expect(Object.keys(entries).sort()).toEqual([...terminalIds].sort());
    for (const [terminalId, entry] of Object.entries(entries)) {
      const stored = await store.gatewayTerminal(terminalId);
      expect(stored?.merchantNo).toBe(entry.merchantNo);
      // The clear TMK in the file is the one stored under the LMK: same check value.
      expect(stored?.keys?.tmk.kcv).toBe(entry.kcv);
      expect(JSON.stringify(stored)).not.toContain(entry.clearKeyHex);
      expect(entry.macAlgorithm).toBe('cup-ecb');
      // Seeded through the engine, not the gateway: no working keys until a real sign-in.
      expect(stored?.keys?.working).toBeNull();
    }
  });

  it('leaves the ledger consistent and every terminal batch balanced', async () => {
    const report = await services.engine.checkLedger();
    expect(report.ok).toBe(true);
    expect(report.entryCount).toBeGreaterThan(0);
    expect(summary.unbalancedBatches).toBe(0);
    expect(summary.declined).toBeGreaterThan(0);
    expect(summary.voids).toBeGreaterThan(0);
    expect(summary.refunds).toBeGreaterThan(0);
  });

  it('settles each past business date and leaves today open', async () => {
    expect(summary.settledDates).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(summary.openDate).toBe('2026-11-25');
    const settlement = createStores(database.db).settlement;
    for (const date of summary.settledDates) {
      expect(await settlement.businessDateStatus(date)).toBe('settled');
      expect((await settlement.settlements(date)).length).toBeGreaterThan(0);
    }
    expect(await settlement.businessDateStatus('2026-11-25')).toBe('open');
    const d0 = summary.merchants.find((m) => m.d0);
    const [d0Settlement] = await settlement.settlements('2026-11-24', d0?.id);
    expect(d0Settlement?.settlementMode).toBe('d0');
    expect(d0Settlement?.d0FeeFen).toBeGreaterThan(0n);
  });

  it('declines the revoked service from the second day on', async () => {
    const revoked = summary.merchants.find((m) => m.revoked !== null);
    const rows = await database.db.query.transactions.findMany({
      where: (t, { and, eq }) =>
        and(eq(t.merchantId, revoked?.id ?? ''), eq(t.outcomeCode, 'service_not_active')),
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.businessDate >= addDays('2026-11-22', 1)).toBe(true);
  });

  it('leaves approved sales today that a cashier can void', async () => {
    const terminalId = summary.merchants[0]?.terminalIds[0] ?? '';
    const voidable = await services.engine.findVoidableSales({
      terminalId,
      from: new Date('2026-11-24T15:00:00Z'),
      to: new Date(NOW),
    });
    expect(voidable.length).toBeGreaterThan(0);
    const sale = voidable[0]?.sale;
    if (!sale) return;
    const signedIn = await services.engine.signIn({ terminalId });
    if (!signedIn.ok) throw new Error(signedIn.outcome.code);
    const voided = await services.engine.voidSale({
      terminalId,
      batchNo: sale.batchNo,
      voucherNo: signedIn.value.lastVoucherNo + 1,
      amountFen: sale.amountFen,
      original: { batchNo: sale.batchNo, voucherNo: sale.voucherNo },
    });
    expect(voided.ok).toBe(true);
    expect((await services.engine.checkLedger()).ok).toBe(true);
  });

  it('skips a database that already has merchants and writes nothing', async () => {
    const before = await database.db.$count(schema.transactions);
    const again = await seedDemo(database.db, { now: new Date(NOW), rules });
    expect(again.skipped).toBe(true);
    expect(await database.db.$count(schema.transactions)).toBe(before);
  });

  it('gives the same data for the same seed and time', async () => {
    const other = await openTestDatabase();
    try {
      const options = { now: new Date(NOW), rules, days: 1, merchants: 1, seed: 3 };
      await seedDemo(other.db, options);
      const first = await snapshot(other);
      const copy = await openTestDatabase();
      try {
        await seedDemo(copy.db, options);
        expect(await snapshot(copy)).toEqual(first);
      } finally {
        await copy.close();
      }
      expect(first.length).toBeGreaterThan(5);
    } finally {
      await other.close();
    }
  });

  it('the cutoff scheduler cuts off and settles today once its cutoff has passed', async () => {
    const scheduler = startCutoffScheduler(services);
    await scheduler.runOnce();
    expect(logLines).toEqual([]); // 14:00 in Shanghai: too early
    clock.set('2026-11-25T15:00:30Z'); // 23:00:30 in Shanghai
    await scheduler.runOnce();
    await scheduler.stop();
    const settlement = createStores(database.db).settlement;
    expect(await settlement.businessDateStatus('2026-11-25')).toBe('settled');
    const events = logLines.map((l) => (JSON.parse(l) as { event?: string }).event);
    expect(events).toEqual(['cutoff.completed', 'settlement.completed']);
    expect((await services.engine.checkLedger()).ok).toBe(true);
  });

  it('the scheduler sends again a reversal the network did not take', async () => {
    const payments = createStores(database.db).payments;
    await payments.keepReversal('31000101:1:999999', clock.now());
    expect((await counts(database.db)).reversalsPending).toBe(1);
    logLines.length = 0;
    const scheduler = startCutoffScheduler(services);
    await scheduler.runOnce();
    await scheduler.stop();
    const logged = logLines.map((l) => JSON.parse(l) as { event?: string; taken?: number });
    expect(logged).toMatchObject([{ event: 'reversals.taken', taken: 1 }]);
    const [kept] = await database.db.select().from(schema.networkReversals);
    expect(kept).toMatchObject({ ref: '31000101:1:999999', attempts: 1 });
    expect(kept?.reversedAt).toBeInstanceOf(Date);
    expect((await counts(database.db)).reversalsPending).toBe(0);
  });
});

async function snapshot(database: Database) {
  const rows = await database.db.query.transactions.findMany({
    orderBy: (t, { asc }) => [asc(t.id)],
  });
  return rows.map((t) => [t.id, t.rrn, t.kind, t.status, t.amountFen, t.createdAt.toISOString()]);
}
