// Statements for the simple query protocol, which carries several statements in one round trip
// but no parameters: values are written in place as escaped literals.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../drivers/open.ts';

export const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';
const dialect = new PgDialect();

/** The node-postgres pool behind a drizzle database, when it has one. */
export function poolOf(db: Db): pg.Pool | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

/** A SQL literal: escaped string (E'' form, so the server's quoting settings do not matter). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return literal(value.toISOString());
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new TypeError('a NUL character cannot be in a literal');
    return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }
  throw new TypeError(`no literal for a ${typeof value}`);
}

/** The statement with its parameters written in place, for the simple query protocol. */
export function inline(statement: SQL): string {
  const query = dialect.sqlToQuery(statement);
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => literal(query.params[Number(n) - 1]));
}
