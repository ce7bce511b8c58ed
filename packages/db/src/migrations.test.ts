// Goal: a migration that reshapes data keeps what was written before it. Migration 0013 moves
// the journal's lines from journal_line rows into their entries' rows, in the order they were
// posted, and the entries stay as checked as before.
// Method: a PGlite database migrated up to 0012 (a copy of the migrations folder whose journal
// stops there) gets entries and lines as the engine wrote them then; the real folder then
// migrates it on.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from './drivers/open.ts';

type JournalFile = { entries: { tag: string }[] };

let client: PGlite;
let before: string;

/** A copy of the migrations folder whose journal ends with `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoudan-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as JournalFile;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}

const MERCHANT = '0190a000-0000-7000-8000-000000000001';
const SALE = '0190a000-0000-7000-8000-0000000000e1';
const SETTLEMENT = '0190a000-0000-7000-8000-0000000000e2';

beforeAll(async () => {
  client = await PGlite.create();
  before = migrationsUpTo('0012_lines_by_merchant');
  await migrate(drizzle(client), { migrationsFolder: before });
  await client.exec(`
    begin;
    insert into journal_entry (id, kind, merchant_id, business_date, created_at)
      values ('${SALE}', 'sale', '${MERCHANT}', '2026-11-24', '2026-11-24T02:00:00Z'),
        ('${SETTLEMENT}', 'settlement', '${MERCHANT}', '2026-11-24', '2026-11-25T02:00:00Z');
    insert into journal_line (entry_id, account, merchant_id, amount_fen) values
      ('${SALE}', 'network_receivable', '${MERCHANT}', 10000),
      ('${SETTLEMENT}', 'merchant_pending', '${MERCHANT}', 9950),
      ('${SALE}', 'merchant_pending', '${MERCHANT}', -9950),
      ('${SETTLEMENT}', 'merchant_payable', '${MERCHANT}', -9950),
      ('${SALE}', 'fee_income', null, -50);
    commit;`);
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
});
afterAll(async () => {
  await client.close();
  rmSync(before, { recursive: true, force: true });
});

describe('0013: the lines move into their entries', () => {
  it('keeps every line, in the order each entry posted them', async () => {
    const { rows } = await client.query<Record<string, unknown>>(
      `select id, line_accounts, line_merchant_ids, line_amounts_fen::text[] as amounts
       from journal_entry order by created_at`,
    );
    expect(rows).toEqual([
      {
        id: SALE,
        line_accounts: ['network_receivable', 'merchant_pending', 'fee_income'],
        line_merchant_ids: [MERCHANT, MERCHANT, null],
        amounts: ['10000', '-9950', '-50'],
      },
      {
        id: SETTLEMENT,
        line_accounts: ['merchant_pending', 'merchant_payable'],
        line_merchant_ids: [MERCHANT, MERCHANT],
        amounts: ['9950', '-9950'],
      },
    ]);
  });

  it('drops the lines table and its trigger, and the moved entries stay immutable', async () => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class where relname = 'journal_line'`,
    );
    expect(rows[0]?.n).toBe(0);
    await expect(
      client.query(`update journal_entry set line_amounts_fen = line_amounts_fen`),
    ).rejects.toThrow(/append-only/);
  });

  it('checks new entries as the trigger did: an unbalanced one is refused', async () => {
    await expect(
      client.query(`insert into journal_entry (id, kind, merchant_id, business_date, created_at,
          line_accounts, line_merchant_ids, line_amounts_fen)
        values (gen_random_uuid(), 'sale', '${MERCHANT}', '2026-11-24', now(),
          '{network_receivable,fee_income}', '{${MERCHANT},NULL}', '{100,-99}')`),
    ).rejects.toThrow(/journal_entry_lines_valid/);
  });
});

describe("0014: a transaction's merchant is its terminal's", () => {
  const OTHER = '0190a000-0000-7000-8000-000000000002';
  const sale = (merchant: string, voucher: number) =>
    client.query(`insert into transactions (id, merchant_id, terminal_id, batch_no, voucher_no,
        kind, status, amount_fen, fee_fen, payment_method, business_date, created_at)
      values (gen_random_uuid(), '${merchant}', 'T0000001', 1, ${voucher}, 'sale', 'approved',
        100, 0, 'card', '2026-11-24', now())`);

  beforeAll(async () => {
    await client.exec(`
      insert into fee_plan (id, name, created_at)
        values ('0190a000-0000-7000-8000-0000000000f1', 'standard', now());
      insert into merchant (id, merchant_no, name, merchant_type, status, fee_plan_id, created_at)
        values ('${MERCHANT}', '898310058120001', 'A', 'individual', 'active',
            '0190a000-0000-7000-8000-0000000000f1', now()),
          ('${OTHER}', '898310058120002', 'B', 'individual', 'active',
            '0190a000-0000-7000-8000-0000000000f1', now());
      insert into terminal (terminal_id, merchant_id, serial_no, status, current_batch_no,
          created_at)
        values ('T0000001', '${MERCHANT}', 'SN1', 'active', 1, now());`);
  });

  it("takes one of the terminal's merchant and refuses one of another merchant", async () => {
    await sale(MERCHANT, 1);
    await expect(sale(OTHER, 2)).rejects.toThrow(/transactions_terminal_merchant_fk/);
  });
});
