// Engine throughput on PostgreSQL against a baseline measured in the same run: 8 connections of
// one-row durable INSERTs into a table shaped like `transactions`, and 8 terminals selling
// through the engine (each a sequential loop, like a POS) for the same time, in rounds that take
// turns (baseline first, then the engine first, …); the ratio is the median of the rounds', so
// that a moment of other load on the machine moves it less.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '@shoudan/db';
import { countStatements, createWorld, TestPos } from '@shoudan/db/testing';
import { createBenchDatabase, percentile } from './common.ts';

export type EngineBenchOptions = {
  /** Measured time of each part, after its warm-up. */
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Concurrent connections (baseline) and terminals (engine). */
  readonly concurrency: number;
  /** Rounds of both parts; the ratio is their median. */
  readonly rounds: number;
  /** Upper bound on operations per loop, whatever the time. */
  readonly maxOpsPerLoop: number;
};

export const ENGINE_DEFAULTS: EngineBenchOptions = {
  seconds: 10,
  warmupSeconds: 2,
  concurrency: 8,
  rounds: 3,
  maxOpsPerLoop: 1_000_000,
};

/** One measured part: its rate, latencies and what each operation cost. */
export type Measured = {
  readonly ops: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Statements sent per operation, counted at the client. */
  readonly statementsPerOp: number;
  /** CPU per operation of this Node process, and of the server backends (null when remote). */
  readonly nodeCpuMsPerOp: number;
  readonly serverCpuMsPerOp: number | null;
};

/** A round: both parts measured one after the other, and the engine's rate over the baseline's. */
export type EngineRound = {
  readonly baseline: Measured;
  readonly engine: Measured;
  readonly ratio: number;
};

export type EngineBenchResult = {
  readonly rounds: readonly EngineRound[];
  /** The round whose ratio is the median of all (the lower middle one for an even count). */
  readonly median: EngineRound;
  readonly poolSize: number;
  /** Baseline connections and engine terminals. */
  readonly concurrency: number;
};

/** Runs the baseline and the engine on one throwaway database, then drops it. */
export async function runEngineBench(options: EngineBenchOptions): Promise<EngineBenchResult> {
  const poolSize = Math.max(10, options.concurrency + 2);
  const database = await createBenchDatabase(poolSize);
  const pool = new pg.Pool({ connectionString: database.url, max: options.concurrency });
  try {
    await pool.query('create table bench_baseline (like transactions including all)');
    const commit = await pool.query<{ synchronous_commit: string }>('show synchronous_commit');
    if (commit.rows[0]?.synchronous_commit !== 'on') throw new Error('synchronous_commit is off');
    let voucher = 0;
    const baselineLoops = Array.from({ length: options.concurrency }, (_, i) => async () => {
      voucher++;
      const values = [randomUUID(), `BASE${String(i).padStart(4, '0')}`, voucher, new Date(0)];
      await pool.query(BASELINE_INSERT, values);
    });
    const world = await createWorld(database, {
      merchants: options.concurrency,
      terminalsPerMerchant: 1,
      networkLatencyMs: 0,
    });
    const poses = world.merchants.flatMap((m) =>
      m.terminalIds.map((terminalId) => new TestPos(world.engine, terminalId)),
    );
    const parts = {
      baseline: () => measure(database.db, baselineLoops, options),
      engine: () => measure(database.db, engineSaleLoops(poses), options),
    };
    const rounds: EngineRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const first = round % 2 === 0 ? 'baseline' : 'engine';
      const firstMeasured = await parts[first]();
      const secondMeasured = await parts[first === 'baseline' ? 'engine' : 'baseline']();
      const [baseline, engine] =
        first === 'baseline' ? [firstMeasured, secondMeasured] : [secondMeasured, firstMeasured];
      rounds.push({ baseline, engine, ratio: engine.perSecond / baseline.perSecond });
    }
    const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    if (!median) throw new Error('no rounds measured');
    return { rounds, median, poolSize, concurrency: options.concurrency };
  } finally {
    await pool.end();
    await database.drop();
  }
}

const BASELINE_INSERT = `
  insert into bench_baseline (id, merchant_id, terminal_id, batch_no, voucher_no, kind, status,
    amount_fen, fee_fen, fee_rate_bps, service, payment_method, pan_masked, card_org, auth_code,
    business_date, request_hash, created_at)
  values ($1, '00000000-0000-7000-8000-000000000000', $2, 1, $3, 'sale', 'approved', 10000, 50,
    50, 'card_debit', 'card', '622202******0001', 'CUP', '123456', '2026-11-24',
    '0123456789abcdef0123456789abcdef', $4)`;

/** One loop per POS, each a sale of ¥100 through the engine; a refused sale stops the bench. */
export function engineSaleLoops(poses: readonly TestPos[]): (() => Promise<void>)[] {
  return engineMixLoops(poses, null);
}

/**
 * One loop per POS through the engine, as the gateway bench's terminals do over TCP: ¥100 sales,
 * and with `voidEvery` n every n-th request a void of the POS's latest sale (null: sales only).
 * A refusal stops the bench.
 */
export function engineMixLoops(
  poses: readonly TestPos[],
  voidEvery: number | null,
): (() => Promise<void>)[] {
  return poses.map((pos) => {
    let n = 0;
    let latest: { batchNo: number; voucherNo: number } | undefined;
    return async () => {
      n += 1;
      if (voidEvery !== null && n % voidEvery === 0 && latest !== undefined) {
        const voided = await pos.voidSale(latest, SALE_FEN);
        if (!voided.ok) throw new Error(`bench void refused: ${voided.outcome.code}`);
        latest = undefined;
        return;
      }
      const sold = await pos.sale(SALE_FEN);
      if (!sold.ok) throw new Error(`bench sale refused: ${sold.outcome.code}`);
      latest = {
        batchNo: sold.value.transaction.batchNo,
        voucherNo: sold.value.transaction.voucherNo,
      };
    };
  });
}

const SALE_FEN = 10_000n;

export type MeasureOptions = Pick<
  EngineBenchOptions,
  'seconds' | 'warmupSeconds' | 'maxOpsPerLoop'
>;

/** Warms up, then runs every loop concurrently for the measured time and reports the costs. */
export async function measure(
  db: Db,
  loops: readonly (() => Promise<void>)[],
  options: MeasureOptions,
): Promise<Measured> {
  await runLoops(loops, options.warmupSeconds, options.maxOpsPerLoop, null);
  const backends = await serverBackends(db);
  const serverBefore = backendCpuMs(backends);
  const cpuBefore = process.cpuUsage();
  const counter = countStatements();
  const latencies: number[] = [];
  const { ops, ms } = await runLoops(loops, options.seconds, options.maxOpsPerLoop, latencies);
  const statements = counter.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = cpuDelta(serverBefore, backendCpuMs(await serverBackends(db)));
  latencies.sort((a, b) => a - b);
  return {
    ops,
    perSecond: (ops / ms) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statementsPerOp: statements / ops,
    nodeCpuMsPerOp: (cpu.user + cpu.system) / 1000 / ops,
    serverCpuMsPerOp: serverCpu === null ? null : serverCpu / ops,
  };
}

/** Sequential loops run side by side until the time or the op bound is reached. */
async function runLoops(
  loops: readonly (() => Promise<void>)[],
  secs: number,
  maxOpsPerLoop: number,
  latencies: number[] | null,
): Promise<{ ops: number; ms: number }> {
  const started = performance.now();
  const deadline = started + secs * 1000;
  let ops = 0;
  const run = async (op: () => Promise<void>) => {
    for (let n = 0; n < maxOpsPerLoop; n++) {
      const at = performance.now();
      if (at >= deadline) return;
      await op();
      latencies?.push(performance.now() - at);
      ops++;
    }
  };
  await Promise.all(loops.map(run));
  return { ops, ms: performance.now() - started };
}

/** Process ids of the server backends connected to the bench database. */
export async function serverBackends(db: Db): Promise<number[]> {
  const result = await db.execute(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  return (result as unknown as { rows: { pid: number }[] }).rows.map((r) => Number(r.pid));
}

/** CPU ms (user + system) of each local process that /proc shows; empty when remote. */
export function backendCpuMs(pids: readonly number[]): Map<number, number> {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000);
    } catch {
      // Not on this machine, or gone (an idle connection the pool closed).
    }
  }
  return cpu;
}

/**
 * CPU used between two readings: by the processes seen in both, and all of it by those that
 * started in between (a connection the pool opened meanwhile); null when none was seen.
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number | null {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return after.size === 0 ? null : total;
}
