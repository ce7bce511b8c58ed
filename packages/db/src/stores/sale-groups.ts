// Group commit of sales on a PostgreSQL server. The sales that terminals send at about the same
// time share one database transaction: one round trip opens them all (`open_sales`: each its own
// terminal lock, duplicate check, business date, fee rate and RRN), each then asks the card
// network on its own, and one round trip writes them all and commits. What they share is the
// commit and its round trips, which cost more than a sale's own rows; the locks and checks stay
// per sale. Each is answered only after the shared commit, and if that fails, all of them fail
// and nothing of any is recorded.
//
// One group opens at a time: the sales that arrive meanwhile form the next, so a group is as
// large as the load makes it (one sale when the server is quiet). Groups take turns, one opening
// while the other commits: a group holds at most half of the terminals with a sale under way, and
// while a commit is under way a few sales wait for the ones it is about to answer (their
// terminals' next sales) rather than open a group of their own (`Hold`: 5 ms at most). Each
// round trip then carries many sales, where a straggler would otherwise pay one alone.
//
// A group holds one sale per terminal; a terminal's next sale waits for the one before to finish.
// A sale whose terminal another transaction holds (a void, a sign-in, another process) runs in a
// transaction of its own, which waits for the lock, so one busy terminal never holds up a group.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {
  assert,
  type BusinessDateStatus,
  type JournalEntry,
  type JournalLine,
  type PaymentsTx,
  type RefundOpening,
  type RequestKey,
  type SaleOpening,
  type SaleOpeningRequest,
  type TerminalContext,
  type TransactionChanges,
  type TransactionRecord,
  type VoidOpening,
} from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import * as schema from '../schema/index.ts';
import { openingOf, PgPaymentsTx, statementsOf, type PendingWrites } from './payments-tx.ts';
import { Hold } from './hold.ts';
import { BEGIN, commit, inline, PooledPaymentsTx, rollBack } from './pooled-transaction.ts';
import { rowsOf } from './rows.ts';

/** Most sales in one group unless told otherwise (the statement that writes them stays small). */
export const GROUP_SIZE_DEFAULT = 64;

type Admission = { readonly group: SaleGroup; readonly opening: SaleOpening | undefined } | 'busy';

type Waiting = {
  readonly member: GroupMember;
  readonly key: RequestKey;
  readonly request: SaleOpeningRequest;
  readonly admit: (admission: Admission) => void;
  readonly refuse: (error: unknown) => void;
};

export class SaleGroups {
  readonly pool: pg.Pool;
  private readonly sizeMax: number;
  private waiting: Waiting[] = [];
  /** Terminals with a sale under way here (waiting ones aside). */
  private readonly terminals = new Set<string>();
  private opening = false;
  /** Sales of the groups whose commit is under way. */
  private committing = 0;
  private readonly hold = new Hold(() => this.pump());

  constructor(pool: pg.Pool, sizeMax = GROUP_SIZE_DEFAULT) {
    this.pool = pool;
    this.sizeMax = sizeMax;
  }

  /** Runs a sale's work in the next group, and answers after the group commits. */
  async transaction<T>(work: (tx: PaymentsTx) => Promise<T>): Promise<T> {
    const member = new GroupMember(this);
    let value: T;
    try {
      value = await work(member);
    } catch (error) {
      await member.abandon();
      throw error;
    }
    await member.finish();
    return value;
  }

  /** Resolves once a group has opened the sale (or found its terminal busy). */
  admit(member: GroupMember, key: RequestKey, request: SaleOpeningRequest): Promise<Admission> {
    return new Promise((admit, refuse) => {
      this.waiting.push({ member, key, request, admit, refuse });
      this.pump();
    });
  }

  /** The sale of this terminal is over: its next one may go. */
  release(terminalId: string): void {
    this.terminals.delete(terminalId);
    this.pump();
  }

  /** A group's commit starts (its sales' terminals will soon be back) or ends. */
  committingChanged(sales: number): void {
    this.committing += sales;
    if (sales < 0) this.pump();
  }

  /** Opens the next group from what waits, unless one is opening. */
  private pump(): void {
    if (this.opening || this.waiting.length === 0) return;
    const underWay = this.terminals.size + this.waiting.length;
    const size = Math.min(this.sizeMax, Math.ceil(underWay / 2));
    if (this.hold.holds(this.waiting.length, Math.min(size, this.committing))) return;
    const picked: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of this.waiting) {
      if (picked.length < size && !this.terminals.has(w.key.terminalId)) {
        this.terminals.add(w.key.terminalId);
        picked.push(w);
      } else {
        rest.push(w);
      }
    }
    if (picked.length === 0) return;
    this.hold.end();
    this.waiting = rest;
    this.opening = true;
    void SaleGroup.open(this, picked).finally(() => {
      this.opening = false;
      this.pump();
    });
  }
}

/** One database transaction shared by the sales it opened. */
class SaleGroup {
  readonly db: Db;
  private readonly client: pg.PoolClient;
  /** Sales still working. */
  private readonly working = new Set<GroupMember>();
  /** Sales done, waiting for the commit. */
  private readonly done: { member: GroupMember; settle: (error?: unknown) => void }[] = [];

  private readonly groups: SaleGroups;

  private constructor(groups: SaleGroups, client: pg.PoolClient) {
    this.groups = groups;
    this.client = client;
    this.db = groupDrizzleOf(client);
  }

  /** Opens the sales of `picked` in one round trip and admits each to the group. */
  static async open(groups: SaleGroups, picked: readonly Waiting[]): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await groups.pool.connect();
    } catch (error) {
      for (const w of picked) w.refuse(error);
      return;
    }
    const group = new SaleGroup(groups, client);
    let answers: unknown[];
    try {
      answers = await group.openSales(picked);
    } catch (error) {
      await group.rollBack();
      for (const w of picked) w.refuse(error);
      return;
    }
    picked.forEach((w, i) => {
      const answer = answers[i];
      if (isBusy(answer)) return w.admit('busy');
      // A member before it hears of it: the group must not commit before its work is done.
      group.working.add(w.member);
      w.admit({ group, opening: openingOf(answer) });
    });
    if (group.working.size === 0) await group.commit();
  }

  private async openSales(picked: readonly Waiting[]): Promise<unknown[]> {
    const requests = picked.map(({ key, request }) => ({
      terminalId: key.terminalId,
      batchNo: key.batchNo,
      voucherNo: key.voucherNo,
      date: request.date,
      service: request.service,
      at: request.at.toISOString(),
    }));
    const query = sql`select open_sales(${JSON.stringify(requests)}::jsonb) as openings`;
    const results = (await this.client.query(
      `${BEGIN}; ${inline(query)}`,
    )) as unknown as pg.QueryResult[];
    const [row] = rowsOf(results[1]);
    const openings = row?.['openings'];
    const answers = typeof openings === 'string' ? (JSON.parse(openings) as unknown) : openings;
    assert(Array.isArray(answers) && answers.length === picked.length, 'an answer per sale');
    return answers;
  }

  /** The member's work is done: its writes go in with the commit, which it waits for. */
  finished(member: GroupMember): Promise<void> {
    const committed = new Promise<void>((resolve, reject) => {
      this.done.push({ member, settle: (error) => (error ? reject(error) : resolve()) });
    });
    this.leave(member);
    return committed;
  }

  /** The member's work failed: nothing of it is written. */
  abandoned(member: GroupMember): void {
    this.leave(member);
  }

  private leave(member: GroupMember): void {
    this.working.delete(member);
    if (this.working.size === 0) void this.commit();
  }

  /** Writes what the members left and commits, in one round trip; then answers them. */
  private async commit(): Promise<void> {
    const writes = statementsOf(this.done.map(({ member }) => member.takePending()));
    this.groups.committingChanged(this.done.length);
    let failure: unknown;
    try {
      const sent = [...writes.map(inline), 'COMMIT'].join('; ');
      const results = (await this.client.query(sent)) as unknown as
        pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(results) ? results[results.length - 1] : results;
      // COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an error.
      if (last?.command !== 'COMMIT') throw new Error('the group transaction was rolled back');
      this.client.release();
    } catch (error) {
      failure = error;
      await this.rollBack();
    }
    this.groups.committingChanged(-this.done.length);
    for (const { settle } of this.done) settle(failure ?? undefined);
  }

  private async rollBack(): Promise<void> {
    const rolledBack = await this.client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    this.client.release(rolledBack ? undefined : true);
  }
}

/** One drizzle instance per pooled connection for the groups it carries, made once. */
const drizzles = new WeakMap<pg.PoolClient, Db>();

function groupDrizzleOf(client: pg.PoolClient): Db {
  let db = drizzles.get(client);
  if (!db) {
    db = drizzle(oneAtATime(client), { schema }) as unknown as Db;
    drizzles.set(client, db);
  }
  return db;
}

/**
 * The connection as the members' statements see it: one statement at a time, in the order they
 * were made (members work concurrently; a connection runs one query at a time).
 */
function oneAtATime(client: pg.PoolClient): pg.PoolClient {
  let last: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = last.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
    last = run.catch(() => undefined);
    return run;
  };
  return { query } as unknown as pg.PoolClient;
}

function isBusy(answer: unknown): boolean {
  return typeof answer === 'object' && answer !== null && 'busy' in answer;
}

/**
 * A sale's transaction: its statements run in its group's transaction (or, when its terminal
 * was busy, in one of its own), its writes wait apart until the commit.
 */
class GroupMember implements PaymentsTx {
  private readonly groups: SaleGroups;
  private inner: PgPaymentsTx | undefined;
  private group: SaleGroup | undefined;
  private alone: { client: pg.PoolClient; tx: PooledPaymentsTx } | undefined;
  private terminalId: string | undefined;

  constructor(groups: SaleGroups) {
    this.groups = groups;
  }

  async openSale(key: RequestKey, request: SaleOpeningRequest): Promise<SaleOpening | undefined> {
    assert(this.terminalId === undefined, 'a grouped sale opens once');
    this.terminalId = key.terminalId;
    const admission = await this.groups.admit(this, key, request);
    if (admission === 'busy') {
      const client = await this.groups.pool.connect();
      const tx = new PooledPaymentsTx(client);
      this.alone = { client, tx };
      this.inner = tx;
      return tx.openSale(key, request);
    }
    this.group = admission.group;
    this.inner = new PgPaymentsTx(admission.group.db);
    return admission.opening;
  }

  /** Answers after the commit of its group (or of its own transaction). */
  async finish(): Promise<void> {
    try {
      if (this.alone) await commit(this.alone.client, this.alone.tx);
      else if (this.group) await this.group.finished(this);
    } finally {
      this.release();
    }
  }

  /** Its work failed: nothing of it is written. */
  async abandon(): Promise<void> {
    try {
      if (this.alone) await rollBack(this.alone.client, this.alone.tx);
      else this.group?.abandoned(this);
    } finally {
      this.release();
    }
  }

  takePending(): PendingWrites {
    return this.bound().takePending();
  }

  private release(): void {
    if (this.terminalId !== undefined) this.groups.release(this.terminalId);
  }

  private bound(): PgPaymentsTx {
    assert(this.inner, 'a grouped transaction begins with openSale');
    return this.inner;
  }

  openRefund(
    key: RequestKey,
    request: { readonly rrn: string; readonly date: string },
  ): Promise<RefundOpening | undefined> {
    return this.bound().openRefund(key, request);
  }
  openVoid(
    key: RequestKey,
    original: { readonly batchNo: number; readonly voucherNo: number },
  ): Promise<VoidOpening | undefined> {
    return this.bound().openVoid(key, original);
  }
  holdBusinessDate(date: string): Promise<BusinessDateStatus> {
    return this.bound().holdBusinessDate(date);
  }
  businessDateStatus(date: string): Promise<BusinessDateStatus> {
    return this.bound().businessDateStatus(date);
  }
  lockTerminal(terminalId: string, batchNo: number): Promise<TerminalContext | undefined> {
    return this.bound().lockTerminal(terminalId, batchNo);
  }
  findByRequestKey(key: RequestKey): Promise<TransactionRecord | undefined> {
    return this.bound().findByRequestKey(key);
  }
  lockOriginalByVoucher(key: RequestKey): Promise<TransactionRecord | undefined> {
    return this.bound().lockOriginalByVoucher(key);
  }
  lockOriginalById(id: string): Promise<TransactionRecord | undefined> {
    return this.bound().lockOriginalById(id);
  }
  batchStatus(terminalId: string, batchNo: number): Promise<'open' | 'settled' | null> {
    return this.bound().batchStatus(terminalId, batchNo);
  }
  insertTransaction(
    record: Omit<TransactionRecord, 'rrn'> & { readonly rrn?: string },
  ): Promise<TransactionRecord> {
    return this.bound().insertTransaction(record);
  }
  updateTransaction(id: string, changes: TransactionChanges): Promise<void> {
    return this.bound().updateTransaction(id, changes);
  }
  postEntry(entry: JournalEntry): Promise<void> {
    return this.bound().postEntry(entry);
  }
  linesOfTransaction(transactionId: string): Promise<JournalLine[]> {
    return this.bound().linesOfTransaction(transactionId);
  }
}
