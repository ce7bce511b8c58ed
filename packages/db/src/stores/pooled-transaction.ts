// A payment's transaction on a pooled PostgreSQL connection, in two round trips: BEGIN travels
// with its first statement and COMMIT with its last writes, as simple-protocol queries, which
// carry several statements in one round trip but no parameters: values are written in place as
// escaped literals.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type {
  PaymentsTx,
  RefundOpening,
  RequestKey,
  SaleOpening,
  SaleOpeningRequest,
  VoidOpening,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import * as schema from '../schema/index.ts';
import {
  openingOf,
  openRefundQuery,
  openSaleQuery,
  openVoidQuery,
  PgPaymentsTx,
  refundOpeningOf,
  voidOpeningOf,
} from './payments-tx.ts';
import { rowsOf } from './rows.ts';

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

/**
 * On a PostgreSQL server a payment takes two round trips: BEGIN travels with its first statement
 * and COMMIT with its last writes, as simple-protocol queries. The locks and checks are the same
 * as through drizzle's transaction; only the round trips are fewer.
 */
export class PooledPaymentsTx extends PgPaymentsTx {
  private readonly client: pg.PoolClient;
  begun = false;

  constructor(client: pg.PoolClient) {
    super(drizzleOf(client));
    this.client = client;
  }

  protected override async tx(): Promise<Db> {
    if (!this.begun) {
      await this.client.query(BEGIN);
      this.begun = true;
    }
    return super.tx();
  }

  override async openSale(
    key: RequestKey,
    request: SaleOpeningRequest,
  ): Promise<SaleOpening | undefined> {
    if (this.begun) return super.openSale(key, request);
    return openingOf(await this.begunWith(openSaleQuery(key, request)));
  }

  override async openVoid(
    key: RequestKey,
    original: { readonly batchNo: number; readonly voucherNo: number },
  ): Promise<VoidOpening | undefined> {
    if (this.begun) return super.openVoid(key, original);
    return voidOpeningOf(await this.begunWith(openVoidQuery(key, original)));
  }

  override async openRefund(
    key: RequestKey,
    request: { readonly rrn: string; readonly date: string },
  ): Promise<RefundOpening | undefined> {
    if (this.begun) return super.openRefund(key, request);
    return refundOpeningOf(await this.begunWith(openRefundQuery(key, request)));
  }

  /** BEGIN and a first `select … as opening`, in one round trip; returns the opening. */
  private async begunWith(query: SQL): Promise<unknown> {
    const statement = `${BEGIN}; ${inline(query)}`;
    // Marked begun before it is sent: if the SELECT fails after BEGIN took effect, the
    // connection must be rolled back before it goes back to the pool.
    this.begun = true;
    const results = (await this.client.query(statement)) as unknown as pg.QueryResult[];
    const [row] = rowsOf(results[1]);
    return row?.['opening'];
  }

  /** Writes what waits and commits, in one round trip. */
  async commit(): Promise<void> {
    const writes = this.takeWrites();
    if (writes.length === 0) {
      if (this.begun) await this.client.query('COMMIT');
      return;
    }
    const prefix = this.begun ? '' : `${BEGIN}; `;
    this.begun = true;
    await this.client.query(`${prefix}${writes.map(inline).join('; ')}; COMMIT`);
  }
}

/** One drizzle instance per pooled connection, made on its first transaction and reused. */
const drizzles = new WeakMap<pg.PoolClient, Db>();

export function drizzleOf(client: pg.PoolClient): Db {
  let db = drizzles.get(client);
  if (!db) {
    db = drizzle(client, { schema }) as unknown as Db;
    drizzles.set(client, db);
  }
  return db;
}

/** Runs `work` in a transaction of its own on a connection from `pool`. */
export async function pooledTransaction<T>(
  pool: pg.Pool,
  work: (tx: PaymentsTx) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const tx = new PooledPaymentsTx(client);
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    await rollBack(client, tx);
    throw error;
  }
  await commit(client, tx);
  return result;
}

/** Commits what `tx` wrote and gives its connection back; rolls back when the commit fails. */
export async function commit(client: pg.PoolClient, tx: PooledPaymentsTx): Promise<void> {
  try {
    await tx.commit();
  } catch (error) {
    await rollBack(client, tx);
    throw error;
  }
  client.release();
}

/**
 * Rolls back and gives the connection back; a connection that could not be rolled back is closed
 * instead. (A failed COMMIT has already ended the transaction: the ROLLBACK is then a warning.)
 */
export async function rollBack(client: pg.PoolClient, tx: PooledPaymentsTx): Promise<void> {
  const rolledBack =
    !tx.begun ||
    (await client.query('ROLLBACK').then(
      () => true,
      () => false,
    ));
  client.release(rolledBack ? undefined : true);
}
