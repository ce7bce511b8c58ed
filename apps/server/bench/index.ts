// `npm run bench [-- --only engine|gateway|settlement|api] [--seconds 10] [--sales 1000000]`: runs
// the engine, gateway, settlement and HTTP API benchmarks on PostgreSQL (BENCH_DATABASE_URL),
// prints figures.
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { API_DEFAULTS, runApiBench, type ApiBenchResult } from './api.ts';
import { benchServerUrl, mib, seconds, serverVersion } from './common.ts';
import {
  ENGINE_DEFAULTS,
  runEngineBench,
  type EngineBenchResult,
  type Measured,
} from './engine.ts';
import {
  GATEWAY_DEFAULTS,
  mixOf,
  runGatewayBench,
  type FloorRun,
  type GatewayBenchResult,
  type GatewayRun,
} from './gateway.ts';
import {
  SETTLEMENT_DEFAULTS,
  runSettlementBench,
  type SettlementBenchResult,
} from './settlement.ts';

const ENGINE_GOAL_RATIO = 0.5;
const SETTLEMENT_GOAL_MS = 60_000;
/** The gateway's goals (issue 4): rate with durable commits, p99 at that rate, overhead. */
const GATEWAY_GOALS = { perSecond: 2_000, p99Ms: 50, overhead: 0.25 } as const;
const PARTS = ['engine', 'gateway', 'settlement', 'api'] as const;
type Part = (typeof PARTS)[number];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      seconds: { type: 'string' },
      sales: { type: 'string' },
      merchants: { type: 'string' },
      terminals: { type: 'string' },
      'engine-terminals': { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const only = values.only;
  if (only !== undefined && !PARTS.some((part) => part === only)) {
    throw new Error(`--only must be one of ${PARTS.join(', ')}, not ${only}`);
  }
  const runs = (part: Part) => only === undefined || only === part;
  const server = new URL(benchServerUrl());
  console.log(
    `shoudan bench — ${cpus().length} CPUs, ${mib(totalmem())} RAM, Node ${process.version}`,
  );
  console.log(`${await serverVersion()} at ${server.host} (throwaway databases, dropped after)`);
  console.log(`load average at start ${loadAverage()}`);
  let engine: EngineBenchResult | undefined;
  let gateway: GatewayBenchResult | undefined;
  let settlement: SettlementBenchResult | undefined;
  let api: ApiBenchResult | undefined;
  if (runs('engine')) {
    const secs = positive('seconds', values.seconds, ENGINE_DEFAULTS.seconds);
    const concurrency = positive(
      'engine-terminals',
      values['engine-terminals'],
      ENGINE_DEFAULTS.concurrency,
    );
    const rounds = positive('rounds', values.rounds, ENGINE_DEFAULTS.rounds);
    console.log(
      `\n[engine] ${rounds} rounds of baseline and engine sales taking turns, ${concurrency} at ` +
        `a time, ${secs} s each after a warm-up …`,
    );
    engine = await runEngineBench({ ...ENGINE_DEFAULTS, seconds: secs, concurrency, rounds });
  }
  if (runs('gateway')) {
    const secs = positive('seconds', values.seconds, GATEWAY_DEFAULTS.seconds);
    const counts = terminalCounts(values.terminals);
    console.log(
      `\n[gateway] ${counts.join(', ')} terminals over TCP with MAC ` +
        `(${mixOf(GATEWAY_DEFAULTS.voidEvery)}, long links; then ${counts[0]} with sales only, ` +
        `and ${counts.at(-1)} with a connection per request), each ` +
        `after the engine alone at that count, ${secs} s each after a ` +
        `${GATEWAY_DEFAULTS.warmupSeconds} s warm-up …`,
    );
    gateway = await runGatewayBench({ ...GATEWAY_DEFAULTS, seconds: secs, terminalCounts: counts });
  }
  if (runs('settlement')) {
    const sales = positive('sales', values.sales, SETTLEMENT_DEFAULTS.sales);
    const merchants = positive('merchants', values.merchants, SETTLEMENT_DEFAULTS.merchants);
    console.log(`\n[settlement] ${sales} sales across ${merchants} merchants …`);
    settlement = await runSettlementBench({ ...SETTLEMENT_DEFAULTS, sales, merchants });
  }
  if (runs('api')) {
    const secs = positive('seconds', values.seconds, API_DEFAULTS.seconds);
    const connections = positive('connections', values.connections, API_DEFAULTS.connections);
    console.log(
      `\n[api] a bare Fastify endpoint, then the API's routes, ${connections} connections, ` +
        `${secs} s each after a ${API_DEFAULTS.warmupSeconds} s warm-up …`,
    );
    api = await runApiBench({ ...API_DEFAULTS, seconds: secs, connections });
  }
  const code = printSummary(engine, gateway, settlement);
  const apiOk = api ? printApi(api) : true;
  return code === 0 && apiOk ? 0 : 1;
}

/** Each route's rate beside the bare endpoint's; false when a request failed. */
function printApi(result: ApiBenchResult): boolean {
  console.log(`api: ${result.connections} connections, autocannon in the server's process`);
  const rows = [result.baseline, ...result.runs];
  for (const run of rows) {
    const ratio = run.perSecond / result.baseline.perSecond;
    console.log(
      `  ${run.name.padEnd(52)} ${run.perSecond.toFixed(0).padStart(7)}/s  ` +
        `p50 ${run.p50Ms.toFixed(1)} ms  p99 ${run.p99Ms.toFixed(1)} ms  ` +
        `${(ratio * 100).toFixed(1).padStart(5)} % of bare` +
        (run.failures > 0 ? `  FAILED ${run.failures}` : ''),
    );
  }
  return rows.every((run) => run.failures === 0);
}

/** The machine's 1, 5 and 15 minute load averages: the figures move with it. */
function loadAverage(): string {
  return `${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')} on ${cpus().length} CPUs`;
}

function terminalCounts(text: string | undefined): number[] {
  if (text === undefined) return [...GATEWAY_DEFAULTS.terminalCounts];
  const counts = text.split(',').map(Number);
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n <= 0 || n > 500)) {
    throw new Error('--terminals must be a comma-separated list of counts from 1 to 500');
  }
  return counts;
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
 * correctness failed (settled gross, a gateway answer other than an approval, a ledger): a missed
 * speed goal is a figure, not an error.
 */
function printSummary(
  engine: EngineBenchResult | undefined,
  gateway: GatewayBenchResult | undefined,
  settlement: SettlementBenchResult | undefined,
): number {
  console.log('\n== summary ==');
  console.log(`load average at the end ${loadAverage()}`);
  if (engine) printEngine(engine);
  const gatewayOk = gateway ? printGateway(gateway) : true;
  const settled = settlement ? printSettlement(settlement) : true;
  return gatewayOk && settled ? 0 : 1;
}

/**
 * What the gateway and the terminals cost alone (the floor run), beside the engine alone and the
 * gateway run at the best count: CPU per answer and vCPUs busy, what the overhead goal's rate
 * would keep busy at the gateway run's cost, and the share of the engine's rate the parts allow
 * when the gateway run keeps the vCPUs as busy as the engine alone did.
 */
function printFloorBound(best: GatewayRun, floor: FloorRun): void {
  const f = floor.gateway;
  const { engine: e, gateway: g } = best;
  console.log(
    `floor (${floor.terminals} terminals, the engine answering from memory): ` +
      `${f.perSecond.toFixed(0)} answers/s, CPU per answer gateway ` +
      `${f.gatewayCpuMsPerOp.toFixed(2)} + terminals ${f.clientCpuMsPerOp.toFixed(2)} ms`,
  );
  if (e.serverCpuMsPerOp === null || g.serverCpuMsPerOp === null) return;
  const engineCpu = e.nodeCpuMsPerOp + e.serverCpuMsPerOp;
  const floorCpu = f.gatewayCpuMsPerOp + (f.serverCpuMsPerOp ?? 0) + f.clientCpuMsPerOp;
  const gatewayCpu = g.gatewayCpuMsPerOp + g.serverCpuMsPerOp + g.clientCpuMsPerOp;
  const busy = (perSecond: number, cpuMs: number) => ((perSecond * cpuMs) / 1000).toFixed(2);
  console.log(
    `CPU ms per answer at ${best.terminals}: the engine alone ${engineCpu.toFixed(2)} ` +
      `(${busy(e.perSecond, engineCpu)} vCPUs busy), the gateway and terminals alone ` +
      `${floorCpu.toFixed(2)}, both in the gateway run ${gatewayCpu.toFixed(2)} ` +
      `(${busy(g.perSecond, gatewayCpu)} vCPUs busy)`,
  );
  const goalRate = (1 - GATEWAY_GOALS.overhead) * e.perSecond;
  console.log(
    `  ${((1 - GATEWAY_GOALS.overhead) * 100).toFixed(0)} % of the engine's rate, ` +
      `${goalRate.toFixed(0)}/s, at the gateway run's ${gatewayCpu.toFixed(2)} ms per answer ` +
      `would keep ${busy(goalRate, gatewayCpu)} vCPUs busy (the machine has ${cpus().length})`,
  );
  const share = engineCpu / (engineCpu + floorCpu);
  const percent = (value: number) => `${(value * 100).toFixed(0)} %`;
  console.log(
    `  the parts add up to ${(engineCpu + floorCpu).toFixed(2)} ms: with the vCPUs as busy as ` +
      `the engine alone kept them, the gateway could answer at most ${percent(share)} ` +
      `of its rate (overhead ≥ ${percent(1 - share)})`,
  );
}

/**
 * The gateway's figures per run and its goals, judged on the sale/void runs on long links at the
 * count with the highest rate: the rate, p99 at that rate, and the overhead against the engine
 * alone with the same mix at that count (every count's overhead is printed). False when an answer
 * was not an approval or the ledger check failed.
 */
function printGateway(result: GatewayBenchResult): boolean {
  const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
  console.log(
    `gateway: in process, pool ${result.poolSize}, log level ${result.logLevel}; ` +
      'terminals in a child process',
  );
  console.log(
    '  terminals, mix, links       | engine/s | gateway/s (sales) | p50 / p99 ms | overhead | ' +
      'CPU ms gw+db+pos',
  );
  let clean = true;
  for (const run of result.runs) {
    const g = run.gateway;
    const server = g.serverCpuMsPerOp === null ? 'n/a' : g.serverCpuMsPerOp.toFixed(2);
    console.log(
      `  ${`${run.terminals}, ${mixOf(run.voidEvery)}, ${run.link}`.padEnd(27)} |` +
        ` ${run.engine.perSecond.toFixed(0).padStart(8)} |` +
        ` ${`${g.perSecond.toFixed(0)} (${g.salesPerSecond.toFixed(0)})`.padStart(17)} |` +
        ` ${`${g.p50Ms.toFixed(1)} / ${g.p99Ms.toFixed(1)}`.padStart(12)} |` +
        ` ${`${(run.overhead * 100).toFixed(1)} %`.padStart(8)} |` +
        ` ${g.gatewayCpuMsPerOp.toFixed(2)} + ${server} + ${g.clientCpuMsPerOp.toFixed(2)}`,
    );
    if (Object.keys(g.problems).length > 0) clean = false;
  }
  console.log(
    '  (engine/s: the engine alone with the same mix; CPU per answer: the gateway process with',
  );
  console.log('  the engine, the database backends, the terminals)');
  const mixed = result.runs.filter((run) => run.voidEvery !== null && run.link === 'long');
  const best = mixed.reduce<GatewayRun | undefined>(
    (top, run) => (!top || run.gateway.perSecond > top.gateway.perSecond ? run : top),
    undefined,
  );
  if (best) {
    const g = best.gateway;
    const fast = g.perSecond >= GATEWAY_GOALS.perSecond;
    console.log(
      `rate (best, ${best.terminals} terminals): ${g.perSecond.toFixed(0)} answers/s ` +
        `(${g.salesPerSecond.toFixed(0)} sales/s); goal ≥ ${GATEWAY_GOALS.perSecond}/s with ` +
        `durable commits: ${verdict(fast)}`,
    );
    const tail = `p99 ${g.p99Ms.toFixed(1)} ms at ${g.perSecond.toFixed(0)}/s`;
    console.log(
      `p99 ≤ ${GATEWAY_GOALS.p99Ms} ms at that rate: ` +
        (fast
          ? `${verdict(g.p99Ms <= GATEWAY_GOALS.p99Ms)} (${tail})`
          : `MISSED (the rate was not reached; ${tail})`),
    );
    const percent = (run: GatewayRun) => `${(run.overhead * 100).toFixed(1)} %`;
    const others = mixed.filter((run) => run !== best);
    const elsewhere =
      others.length === 0
        ? ''
        : `; at ${others.map((run) => `${run.terminals}: ${percent(run)}`).join(', ')}`;
    console.log(
      `gateway overhead at that rate ${percent(best)} against the engine alone with the same ` +
        `mix (goal ≤ ${GATEWAY_GOALS.overhead * 100} %): ` +
        `${verdict(best.overhead <= GATEWAY_GOALS.overhead)}${elsewhere}`,
    );
  }
  if (best && result.floor) printFloorBound(best, result.floor);
  if (result.floor && Object.keys(result.floor.gateway.problems).length > 0) clean = false;
  if (!clean) console.log('some answers were not approvals: see NOT APPROVED above');
  console.log(`ledger check after the runs: ${result.ledgerOk ? 'ok' : 'FAILED'}`);
  return clean && result.ledgerOk;
}

/** The goal is judged with 8 terminals (issue 2); other counts show how the engine scales. */
function printEngine(engine: EngineBenchResult): void {
  const n = engine.concurrency;
  console.log(`engine rounds (${n} baseline connections, ${n} terminals):`);
  engine.rounds.forEach((r, i) => {
    console.log(
      `  round ${i + 1}: baseline ${r.baseline.perSecond.toFixed(0)}/s, engine ` +
        `${r.engine.perSecond.toFixed(0)}/s, ratio ${r.ratio.toFixed(2)}×`,
    );
  });
  const { median } = engine;
  console.log('the median round:');
  printMeasured(`baseline: ${n} connections, 1-row INSERT, durable commit`, median.baseline);
  printMeasured(`engine: ${n} terminals selling, pool ${engine.poolSize}`, median.engine);
  const judged = n === ENGINE_DEFAULTS.concurrency;
  const verdict = !judged
    ? 'judged at 8 terminals'
    : median.ratio >= ENGINE_GOAL_RATIO
      ? 'met'
      : 'MISSED';
  console.log(
    `ratio ${median.ratio.toFixed(2)}× (median of ${engine.rounds.length} rounds; ` +
      `goal ≥ ${ENGINE_GOAL_RATIO}×: ${verdict})`,
  );
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
