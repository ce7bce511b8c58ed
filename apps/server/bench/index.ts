// `npm run bench [-- --only engine|settlement] [--seconds 10] [--sales 1000000]`: runs the engine
// and settlement benchmarks on PostgreSQL (BENCH_DATABASE_URL) and prints their figures.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchServerUrl, mib, seconds, serverVersion } from './common.ts';
import {
  ENGINE_DEFAULTS,
  runEngineBench,
  type EngineBenchResult,
  type Measured,
} from './engine.ts';
import {
  SETTLEMENT_DEFAULTS,
  runSettlementBench,
  type SettlementBenchResult,
} from './settlement.ts';

const ENGINE_GOAL_RATIO = 0.5;
const SETTLEMENT_GOAL_MS = 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      seconds: { type: 'string' },
      sales: { type: 'string' },
      merchants: { type: 'string' },
    },
  });
  const only = values.only;
  if (only !== undefined && only !== 'engine' && only !== 'settlement') {
    throw new Error(`--only must be engine or settlement, not ${only}`);
  }
  const server = new URL(benchServerUrl());
  console.log(
    `shoudan bench — ${cpus().length} CPUs, ${mib(totalmem())} RAM, Node ${process.version}`,
  );
  console.log(`${await serverVersion()} at ${server.host} (throwaway databases, dropped after)`);
  let engine: EngineBenchResult | undefined;
  let settlement: SettlementBenchResult | undefined;
  if (only !== 'settlement') {
    const secs = positive('seconds', values.seconds, ENGINE_DEFAULTS.seconds);
    console.log(`\n[engine] baseline then engine sales, ${secs} s each after a warm-up …`);
    engine = await runEngineBench({ ...ENGINE_DEFAULTS, seconds: secs });
  }
  if (only !== 'engine') {
    const sales = positive('sales', values.sales, SETTLEMENT_DEFAULTS.sales);
    const merchants = positive('merchants', values.merchants, SETTLEMENT_DEFAULTS.merchants);
    console.log(`\n[settlement] ${sales} sales across ${merchants} merchants …`);
    settlement = await runSettlementBench({ ...SETTLEMENT_DEFAULTS, sales, merchants });
  }
  return printSummary(engine, settlement);
}

function printMeasured(label: string, m: Measured): void {
  const server = m.serverCpuMsPerOp === null ? 'n/a' : `${m.serverCpuMsPerOp.toFixed(2)} ms`;
  console.log(`${label}: ${m.perSecond.toFixed(0)}/s (${m.ops} in the measured time)`);
  console.log(`  latency p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms`);
  console.log(
    `  per operation: ${m.statementsPerOp.toFixed(1)} statements, CPU node ` +
      `${m.nodeCpuMsPerOp.toFixed(2)} ms + server ${server}`,
  );
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

/**
 * Prints the figures and whether each goal was met. The exit status is 1 only when a check of
 * correctness failed (settled gross or ledger): a missed speed goal is a figure, not an error.
 */
function printSummary(
  engine: EngineBenchResult | undefined,
  settlement: SettlementBenchResult | undefined,
): number {
  console.log('\n== summary ==');
  if (engine) printEngine(engine);
  const consistent = settlement ? printSettlement(settlement) : true;
  return consistent ? 0 : 1;
}

function printEngine(engine: EngineBenchResult): void {
  const ok = engine.ratio >= ENGINE_GOAL_RATIO;
  printMeasured('baseline: 8 connections, 1-row INSERT, durable commit', engine.baseline);
  printMeasured(`engine: 8 terminals selling, pool ${engine.poolSize}`, engine.engine);
  const verdict = ok ? 'met' : 'MISSED';
  console.log(`ratio ${engine.ratio.toFixed(2)}× (goal ≥ ${ENGINE_GOAL_RATIO}×: ${verdict})`);
}

function printSettlement(s: SettlementBenchResult): boolean {
  const fast = s.measuredMs < SETTLEMENT_GOAL_MS;
  console.log(`bulk insert of ${s.sales} sales: ${seconds(s.insertMs)} (not measured)`);
  console.log(
    `cutoff ${seconds(s.cutoffMs)} + settleMerchants ${seconds(s.settleMs)}` +
      ` = ${seconds(s.measuredMs)} (goal < 60 s: ${fast ? 'met' : 'MISSED'})`,
  );
  console.log(`peak RSS ${mib(s.peakRssBytes)}, ${s.merchants} merchants settled`);
  console.log(
    `gross ${s.settledGrossFen} fen settled, ${s.insertedGrossFen} inserted:` +
      ` ${s.grossMatches ? 'equal' : 'DIFFERENT'}`,
  );
  console.log(`ledger check ${s.ledgerOk ? 'ok' : 'FAILED'} in ${seconds(s.ledgerCheckMs)}`);
  return s.grossMatches && s.ledgerOk;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
