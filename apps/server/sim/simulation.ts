// The seeded simulator: terminals of several merchants, on a FakeClock against PGlite, send
// sales, voids, refunds, duplicates and reversals, lose answers, settle batches and live through
// cutoffs and merchant settlements. The auditor checks every reply; the same seed, the same run.
import { formatYuan } from '@shoudan/core';
import type { Database } from '@shoudan/db';
import { openTestDatabase } from '@shoudan/db/testing';
import { AuditFailure } from './auditor.ts';
import { cutoffJob, drain, finalChecks } from './closing.ts';
import { OPERATIONS, sendReversal } from './operations.ts';
import { buildWorld, choose, type Sim } from './sim-world.ts';

export type SimulationOptions = {
  readonly seed: number;
  /** Terminal turns to run (a turn is a pending reversal, if any, then one operation). */
  readonly steps: number;
  readonly merchants: number;
  /** Terminals per merchant. */
  readonly terminals: number;
  /** A migrated database to run in; by default a fresh PGlite, closed at the end. */
  readonly database?: Database;
  readonly onProgress?: (step: number) => void;
};

export type SimulationSummary = {
  readonly seed: number;
  readonly steps: number;
  readonly merchants: number;
  readonly terminalsPerMerchant: number;
  readonly firstBusinessDate: string;
  readonly lastBusinessDate: string;
  readonly businessDatesSettled: number;
  /** How often each operation got each answer, e.g. `void.void_window_closed`. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly chargedYuan: string;
  readonly payoutYuan: string;
  readonly ledgerEntries: number;
  readonly balances: readonly { merchantNo: string; pendingYuan: string; payableYuan: string }[];
  /** A hash of every reply in order: equal digests mean the runs answered alike. */
  readonly digest: string;
};

export type SimulationReport = {
  readonly ok: boolean;
  readonly summary: SimulationSummary;
  readonly failure: { readonly step: number; readonly message: string } | null;
};

const DAY_MS = 86_400_000;

export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const database = options.database ?? (await openTestDatabase());
  let sim: Sim | undefined;
  let failure: SimulationReport['failure'] = null;
  try {
    sim = await buildWorld(database, options);
    await runSteps(sim, options);
    await drain(sim);
    await finalChecks(sim);
  } catch (error) {
    failure = { step: sim?.step ?? 0, message: describeError(error) };
  } finally {
    if (!options.database) await database.close();
  }
  return { ok: failure === null, summary: summarize(sim, options), failure };
}

async function runSteps(sim: Sim, options: SimulationOptions): Promise<void> {
  for (sim.step = 1; sim.step <= options.steps; sim.step++) {
    advanceClock(sim);
    if (sim.auditor.nowMs >= sim.nextJobMs) await cutoffJob(sim, 'scheduled');
    const terminal = sim.terminals[sim.random.int(0, sim.terminals.length - 1)];
    if (!terminal) continue;
    if (terminal.pending) {
      await sendReversal(sim, terminal);
      // The reversal's answer was lost too: the terminal sends nothing else until it has one.
      if (terminal.pending) continue;
    }
    const operation = choose(sim.random, OPERATIONS);
    await operation(sim, terminal);
    if (sim.step % 1000 === 0) options.onProgress?.(sim.step);
  }
}

/** Between turns: seconds to minutes; now and then the shop is closed for a day or three. */
function advanceClock(sim: Sim): void {
  const r = sim.random;
  const ms =
    r.next() < 0.002 ? r.int(1, 3) * DAY_MS + r.int(0, 12 * 3600) * 1000 : r.int(1, 150) * 1000;
  sim.clock.advance(ms);
  sim.auditor.nowMs += ms;
}

function describeError(error: unknown): string {
  if (error instanceof AuditFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  return String(error);
}

function summarize(sim: Sim | undefined, options: SimulationOptions): SimulationSummary {
  const a = sim?.auditor;
  const dates = a ? [...a.dates.keys()].sort() : [];
  const yuan = (fen: bigint | undefined) => formatYuan(fen ?? 0n);
  return {
    seed: options.seed,
    steps: options.steps,
    merchants: options.merchants,
    terminalsPerMerchant: options.terminals,
    firstBusinessDate: dates[0] ?? '',
    lastBusinessDate: dates.at(-1) ?? '',
    businessDatesSettled: sim?.settledDates ?? 0,
    outcomes: Object.fromEntries([...(sim?.counts ?? new Map<string, number>())].sort()),
    chargedYuan: yuan(a?.chargedFen),
    payoutYuan: yuan(a?.payoutFen.reduce((s, f) => s + f, 0n)),
    ledgerEntries: sim?.ledgerEntries ?? 0,
    balances: (sim?.merchantNos ?? []).map((merchantNo, m) => ({
      merchantNo,
      pendingYuan: yuan(a?.pendingFen[m]),
      payableYuan: yuan(a?.payableFen[m]),
    })),
    digest: sim ? sim.digest.copy().digest('hex') : '',
  };
}
