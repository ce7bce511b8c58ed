// Gateway throughput on PostgreSQL: the gateway in process, wired as `shoudan serve` wires it, and
// N POS terminals (packages/terminal, TCP + MAC; 9 sales : 1 void, or sales only; long links, or a
// connection per request) in a child process, each run next to the engine's own rate at that
// count with the same mix (TestPos loops calling the engine in process), on the same database;
// then a floor run: the gateway and the terminals over an engine answering from memory.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createIds, systemClock, type Engine, type PaymentResult } from '@shoudan/core';
import type { Db } from '@shoudan/db';
import { countStatements, createWorld, TestPos } from '@shoudan/db/testing';
import { loadConfig } from '../src/config.ts';
import { createGateway, type Gateway } from '../src/gateway/gateway.ts';
import { loadTerminalMasterKeys } from '../src/keys/key-loading.ts';
import { ensureNetworkZpk } from '../src/keys/network-zpk.ts';
import { createLogger } from '../src/logger.ts';
import { createServices, requireKeys } from '../src/services.ts';
import { createBenchDatabase } from './common.ts';
import {
  backendCpuMs,
  cpuDelta,
  engineMixLoops,
  measure,
  serverBackends,
  type Measured,
} from './engine.ts';
import type { FleetMessage, FleetResult, FleetStart, FleetTerminal } from './gateway-fleet.ts';

export type GatewayBenchOptions = {
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** One run per count: that many terminals on the gateway, and as many selling on the engine. */
  readonly terminalCounts: readonly number[];
  /** Every n-th request of a terminal voids its latest sale (10: 9 sales : 1 void). */
  readonly voidEvery: number;
  /** One more run at the first count with sales only, to compare like with like. */
  readonly salesOnlyRun: boolean;
  /** One more run at the last count, 9 : 1, with a TCP connection per request. */
  readonly shortLinkRun: boolean;
  /**
   * One more run at the last count, 9 : 1 on long links, through a second gateway whose engine
   * answers from memory (`engineFromMemory`): what the gateway and the terminals cost alone.
   */
  readonly floorRun: boolean;
};

/**
 * How the terminals reach the gateway. `long`: each keeps its connection open between requests
 * (smart POS, or terminals behind a network access controller); `short`: a connection per
 * request (connect, send, one answer, close), as dial-up and most GPRS terminals do.
 */
export type LinkMode = 'long' | 'short';

/** Long links stay open this long between requests: well under the gateway's idle timeout. */
const LONG_LINK_OPEN_MS = 30_000;

export const GATEWAY_DEFAULTS: GatewayBenchOptions = {
  seconds: 10,
  warmupSeconds: 2,
  terminalCounts: [8, 16, 32],
  voidEvery: 10,
  salesOnlyRun: true,
  shortLinkRun: true,
  floorRun: true,
};

/** PostgreSQL connections of the server process: `shoudan serve`'s pool size. */
export const GATEWAY_POOL_SIZE = 10;
/** Any LMK will do: the bench loads its own terminal keys under it. */
const BENCH_MASTER_KEY = '0123456789ABCDEFFEDCBA98765432100123456789ABCDEF';
const SALE_AMOUNT_FEN = 10_000n;

/** The gateway's part of one run, as the terminals and the server saw it. */
export type GatewayMeasured = {
  /** Answers per second: sales and voids, each one durable payment. */
  readonly perSecond: number;
  readonly salesPerSecond: number;
  readonly voidsPerSecond: number;
  readonly ops: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly saleP99Ms: number | null;
  readonly voidP99Ms: number | null;
  readonly statementsPerOp: number;
  /** CPU per answer: this process (gateway + engine), the server backends, the terminals. */
  readonly gatewayCpuMsPerOp: number;
  readonly serverCpuMsPerOp: number | null;
  readonly clientCpuMsPerOp: number;
  readonly problems: Readonly<Record<string, number>>;
};

export type GatewayRun = {
  readonly terminals: number;
  /** Every n-th request a void; null: sales only. */
  readonly voidEvery: number | null;
  readonly link: LinkMode;
  readonly engine: Measured;
  readonly gateway: GatewayMeasured;
  /** 1 − gateway answers per second / engine answers per second, with the same mix. */
  readonly overhead: number;
};

/** The gateway and the terminals alone: nothing recorded after each terminal's first sale. */
export type FloorRun = { readonly terminals: number; readonly gateway: GatewayMeasured };

export type GatewayBenchResult = {
  readonly runs: readonly GatewayRun[];
  readonly floor: FloorRun | undefined;
  readonly poolSize: number;
  readonly logLevel: string;
  readonly ledgerOk: boolean;
};

/**
 * On one throwaway database: a world with a merchant per terminal of the largest run (one
 * terminal for the engine, one per run for the gateway), then each run — the engine alone, then
 * the gateway, at the same count — then a ledger check.
 */
export async function runGatewayBench(options: GatewayBenchOptions): Promise<GatewayBenchResult> {
  const counts = options.terminalCounts;
  const first = counts[0];
  const last = counts.at(-1);
  type Planned = {
    readonly terminals: number;
    readonly voidEvery: number | null;
    readonly link: LinkMode;
  };
  const plan: Planned[] = [
    ...counts.map((terminals): Planned => ({
      terminals,
      voidEvery: options.voidEvery,
      link: 'long',
    })),
    ...(options.salesOnlyRun && first !== undefined
      ? [{ terminals: first, voidEvery: null, link: 'long' } as const]
      : []),
    ...(options.shortLinkRun && last !== undefined
      ? [{ terminals: last, voidEvery: options.voidEvery, link: 'short' } as const]
      : []),
  ];
  const database = await createBenchDatabase(GATEWAY_POOL_SIZE);
  let gateway: Gateway | undefined;
  let floorGateway: Gateway | undefined;
  try {
    const world = await createWorld(database, {
      start: systemClock.now().toISOString(),
      merchants: Math.max(...counts),
      // The engine's, one per run, and the floor run's.
      terminalsPerMerchant: 2 + plan.length,
    });
    // As `shoudan serve` does (main.ts, services.ts, serve.ts): production clock, ids, engine and
    // card-network simulator, the default settings, log lines written synchronously (to nowhere).
    const config = loadConfig({ GATEWAY_PORT: '0' });
    const logger = createLogger({
      level: config.logLevel,
      destination: pino.destination({ dest: '/dev/null', sync: true }),
    });
    const resolved = {
      masterKeyHex: BENCH_MASTER_KEY,
      origin: 'config',
      masterKeyFile: null,
      keyLoadingFile: null,
      warnings: [],
    } as const;
    const clock = systemClock;
    const ids = createIds(clock);
    const services = createServices({ config, clock, ids, db: database, logger, keys: resolved });
    const { hsm } = requireKeys(services);
    const store = services.terminalKeys;
    const zpk = await ensureNetworkZpk({ hsm, store, clock });
    const { engine, db } = services;
    const gatewayOver = (over: Engine) =>
      createGateway({ config, engine: over, db, terminalKeys: store, hsm, zpk, clock, logger });
    gateway = await gatewayOver(engine);
    const enginePos = world.merchants.map((m) => new TestPos(engine, m.terminalIds[0] ?? ''));
    const runs: GatewayRun[] = [];
    /** The count's terminals of the world's n-th set, with TMKs loaded for the fleet. */
    const fleetOf = async (count: number, n: number): Promise<FleetTerminal[]> => {
      const merchants = world.merchants.slice(0, count);
      const terminalIds = merchants.map((m) => m.terminalIds[n] ?? '');
      const tmks = await loadTerminalMasterKeys(
        { hsm, store, clock },
        terminalIds.map((terminalId) => ({ terminalId })),
      );
      return terminalIds.map((terminalId): FleetTerminal => {
        const entry = tmks[terminalId];
        if (!entry) throw new Error(`no TMK for ${terminalId}`);
        const { merchantNo, scheme, clearKeyHex, macAlgorithm } = entry;
        return { terminalId, merchantNo, tmk: { scheme, clearKeyHex }, macAlgorithm };
      });
    };
    for (const [index, { terminals: count, voidEvery, link }] of plan.entries()) {
      const terminals = await fleetOf(count, 1 + index);
      const mix = `${mixOf(voidEvery)}, ${link} links`;
      console.log(`  ${count} terminals (${mix}): the engine alone, then the gateway …`);
      const engineRun = await measureEngine(db, enginePos.slice(0, count), voidEvery, options);
      const gatewayRun = await measureGateway(db, gateway, terminals, {
        ...options,
        voidEvery,
        link,
      });
      const run = {
        terminals: count,
        voidEvery,
        link,
        engine: engineRun,
        gateway: gatewayRun,
        overhead: 1 - gatewayRun.perSecond / engineRun.perSecond,
      };
      printRun(run);
      runs.push(run);
    }
    let floor: FloorRun | undefined;
    if (options.floorRun && last !== undefined) {
      console.log(`  ${last} terminals (${mixOf(options.voidEvery)}, long links), floor run …`);
      floorGateway = await gatewayOver(engineFromMemory(engine));
      const terminals = await fleetOf(last, 1 + plan.length);
      const measured = await measureGateway(db, floorGateway, terminals, {
        ...options,
        link: 'long',
      });
      floor = { terminals: last, gateway: measured };
      printFloor(floor);
    }
    const ledger = await engine.checkLedger();
    return {
      runs,
      floor,
      poolSize: GATEWAY_POOL_SIZE,
      logLevel: config.logLevel,
      ledgerOk: ledger.ok,
    };
  } finally {
    await floorGateway?.close();
    await gateway?.close();
    await database.drop();
  }
}

/**
 * The engine of the floor run: a terminal's sales and voids go to the real engine until one is
 * approved; after that, each is answered at once with that approval, renumbered with the
 * request's batch and voucher numbers, and nothing is recorded. The gateway still does all its
 * own work (TCP, 8583, both MACs, the terminal's session, the log line), and so do the terminals.
 */
function engineFromMemory(engine: Engine): Engine {
  const approvals = new Map<string, Extract<PaymentResult, { ok: true }>>();
  const answer =
    <I extends { terminalId: string; batchNo: number; voucherNo: number }>(
      real: (input: I) => Promise<PaymentResult>,
    ) =>
    async (input: I): Promise<PaymentResult> => {
      const first = approvals.get(input.terminalId);
      if (first === undefined) {
        const result = await real(input);
        if (result.ok) approvals.set(input.terminalId, result);
        return result;
      }
      const { batchNo, voucherNo } = input;
      const transaction = { ...first.value.transaction, batchNo, voucherNo };
      return { ok: true, value: { ...first.value, transaction, duplicate: false } };
    };
  return { ...engine, sale: answer(engine.sale), voidSale: answer(engine.voidSale) };
}

function measureEngine(
  db: Db,
  poses: readonly TestPos[],
  voidEvery: number | null,
  options: GatewayBenchOptions,
): Promise<Measured> {
  const { seconds, warmupSeconds } = options;
  const loops = engineMixLoops(poses, voidEvery);
  return measure(db, loops, { seconds, warmupSeconds, maxOpsPerLoop: 1e9 });
}

const FLEET_MODULE = fileURLToPath(new URL('./gateway-fleet.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Starts the fleet, and measures this process and the server backends over its window. */
async function measureGateway(
  db: Db,
  gateway: Gateway,
  terminals: readonly FleetTerminal[],
  options: Omit<GatewayBenchOptions, 'voidEvery'> & {
    readonly voidEvery: number | null;
    readonly link: LinkMode;
  },
): Promise<GatewayMeasured> {
  const child = fork(FLEET_MODULE, [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx', '--conditions=source'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox = messagesOf(child);
  try {
    await inbox.next('ready');
    const start: FleetStart = {
      kind: 'start',
      host: '127.0.0.1',
      port: gateway.port,
      terminals,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      voidEvery: options.voidEvery ?? 0,
      keepLinkOpenMs: options.link === 'long' ? LONG_LINK_OPEN_MS : 0,
      amountFen: SALE_AMOUNT_FEN.toString(),
    };
    child.send(start);
    await inbox.next('signed_in');
    await inbox.next('measuring');
    const cpuBefore = process.cpuUsage();
    const counter = countStatements();
    const backends = await serverBackends(db);
    const serverBefore = backendCpuMs(backends);
    const done = await inbox.next('done');
    const statements = counter.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpu = cpuDelta(serverBefore, backendCpuMs(await serverBackends(db)));
    return measuredOf(done.result, {
      statements,
      gatewayCpuMs: (cpu.user + cpu.system) / 1000,
      serverCpuMs: serverCpu,
    });
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function measuredOf(
  r: FleetResult,
  server: { statements: number; gatewayCpuMs: number; serverCpuMs: number | null },
): GatewayMeasured {
  const ops = r.sales + r.voids;
  const perSecond = (count: number) => (count / r.ms) * 1000;
  return {
    perSecond: perSecond(ops),
    salesPerSecond: perSecond(r.sales),
    voidsPerSecond: perSecond(r.voids),
    ops,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    saleP99Ms: r.saleP99Ms,
    voidP99Ms: r.voidP99Ms,
    statementsPerOp: server.statements / ops,
    gatewayCpuMsPerOp: server.gatewayCpuMs / ops,
    serverCpuMsPerOp: server.serverCpuMs === null ? null : server.serverCpuMs / ops,
    clientCpuMsPerOp: r.cpuMs / ops,
    problems: r.problems,
  };
}

type Kind = FleetMessage['kind'];

/** The fleet's messages in order; `next(kind)` fails on an error, an exit or another kind. */
function messagesOf(child: ChildProcess) {
  const queue: FleetMessage[] = [];
  let wake: (() => void) | undefined;
  let exited = false;
  child.on('message', (message: FleetMessage) => {
    queue.push(message);
    wake?.();
  });
  child.on('exit', () => {
    exited = true;
    wake?.();
  });
  return {
    async next<K extends Kind>(kind: K): Promise<Extract<FleetMessage, { kind: K }>> {
      while (queue.length === 0) {
        if (exited) throw new Error(`the terminal fleet exited before '${kind}'`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = queue.shift();
      if (message?.kind === 'error') throw new Error(`terminal fleet: ${message.message}`);
      if (message?.kind !== kind)
        throw new Error(`terminal fleet: '${message?.kind}' for '${kind}'`);
      return message as Extract<FleetMessage, { kind: K }>;
    },
  };
}

/** `9 sales : 1 void`, or `sales only`. */
export function mixOf(voidEvery: number | null): string {
  return voidEvery === null ? 'sales only' : `${voidEvery - 1} sales : 1 void`;
}

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} ms`;
}

function cpuMs(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)} ms`;
}

function printFloor(floor: FloorRun): void {
  const g = floor.gateway;
  console.log(
    `    gateway over an engine answering from memory: ${g.perSecond.toFixed(0)} answers/s, ` +
      `p50 ${ms(g.p50Ms)}, p99 ${ms(g.p99Ms)}`,
  );
  console.log(
    `      per answer: CPU gateway ${cpuMs(g.gatewayCpuMsPerOp)} + server ` +
      `${cpuMs(g.serverCpuMsPerOp)} + terminals ${cpuMs(g.clientCpuMsPerOp)}`,
  );
  const problems = Object.entries(g.problems);
  if (problems.length > 0) {
    console.log(`    NOT APPROVED: ${problems.map(([k, n]) => `${n}× ${k}`).join(', ')}`);
  }
}

export function printRun(run: GatewayRun): void {
  const { engine: e, gateway: g } = run;
  console.log(
    `    engine alone (${mixOf(run.voidEvery)}): ${e.perSecond.toFixed(0)} answers/s, ` +
      `p50 ${ms(e.p50Ms)}, p99 ${ms(e.p99Ms)}`,
  );
  console.log(
    `      per answer: ${e.statementsPerOp.toFixed(1)} statements; CPU node ` +
      `${cpuMs(e.nodeCpuMsPerOp)} + server ${cpuMs(e.serverCpuMsPerOp)}`,
  );
  console.log(
    `    gateway: ${g.perSecond.toFixed(0)} answers/s (${g.salesPerSecond.toFixed(0)} sales + ` +
      `${g.voidsPerSecond.toFixed(0)} voids), p50 ${ms(g.p50Ms)}, p99 ${ms(g.p99Ms)} ` +
      `(sales ${ms(g.saleP99Ms)}, voids ${ms(g.voidP99Ms)})`,
  );
  console.log(
    `      per answer: ${g.statementsPerOp.toFixed(1)} statements; CPU gateway+engine ` +
      `${cpuMs(g.gatewayCpuMsPerOp)} + server ${cpuMs(g.serverCpuMsPerOp)} + terminals ` +
      `${cpuMs(g.clientCpuMsPerOp)}`,
  );
  console.log(`    overhead 1 − gateway/engine = ${(run.overhead * 100).toFixed(1)} %`);
  const problems = Object.entries(g.problems);
  if (problems.length > 0) {
    console.log(`    NOT APPROVED: ${problems.map(([k, n]) => `${n}× ${k}`).join(', ')}`);
  }
}
