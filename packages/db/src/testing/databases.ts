// Test databases: PGlite loaded from a migrated template (fast), or a throwaway database on the
// PostgreSQL server named by TEST_DATABASE_URL, created with a random name and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { openDatabase, type Database } from '../drivers/open.ts';

/** Set by the test run's global setup: a dump of a migrated PGlite data directory. */
export const TEMPLATE_ENV = 'SHOUDAN_PGLITE_TEMPLATE';

/** `SHOUDAN_TEST_DB=postgres` runs the database-backed tests on the TEST_DATABASE_URL server. */
export const TEST_DB_ENV = 'SHOUDAN_TEST_DB';

/**
 * A migrated database for one test file: PGlite by default; with `SHOUDAN_TEST_DB=postgres` a
 * throwaway database on the TEST_DATABASE_URL server, which `close()` drops.
 */
export async function openTestDatabase(): Promise<Database> {
  if (process.env[TEST_DB_ENV] === 'postgres') {
    const url = testServerUrl();
    if (!url) throw new Error(`${TEST_DB_ENV}=postgres needs TEST_DATABASE_URL`);
    const server = await createServerTestDatabase(url);
    return { ...server, close: server.drop };
  }
  const templatePath = process.env[TEMPLATE_ENV];
  if (templatePath) {
    const blob = new Blob([await readFile(templatePath)]);
    return openDatabase({ kind: 'pglite', loadDataDir: blob });
  }
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  return database;
}

/** Writes a migrated PGlite template; returns its bytes. */
export async function makePgliteTemplate(): Promise<Uint8Array> {
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  const blob = await database.dump?.();
  await database.close();
  if (!blob) throw new Error('PGlite could not dump its data directory');
  return new Uint8Array(await blob.arrayBuffer());
}

export type ServerTestDatabase = Database & { readonly url: string; drop(): Promise<void> };

/** The PostgreSQL server for tests, or undefined when none is configured. */
export function testServerUrl(): string | undefined {
  return process.env['TEST_DATABASE_URL'] || undefined;
}

/**
 * The server for a suite that runs on PostgreSQL only: undefined locally without one (the suite
 * skips), an error under CI=true, where such suites must run.
 */
export function serverSuiteUrl(): string | undefined {
  const url = testServerUrl();
  if (!url && process.env['CI'] === 'true') throw new Error('CI needs TEST_DATABASE_URL');
  return url;
}

/** A fresh, migrated database on the test server; `drop()` closes and removes it. */
export async function createServerTestDatabase(
  serverUrl: string,
  poolSize = 10,
): Promise<ServerTestDatabase> {
  const name = `shoudan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
