// `npm run sim -- --seed 123 --steps 20000 [--merchants 3] [--terminals 3]` (or SEED=123): runs
// the seeded simulation on a fresh PGlite and prints its report. The seed comes first; on failure
// `SEED=<n>` is printed so that the run can be replayed exactly.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { runSimulation, type SimulationReport } from './simulation.ts';

const DEFAULTS = { steps: 20_000, merchants: 3, terminals: 3 };

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      steps: { type: 'string' },
      merchants: { type: 'string' },
      terminals: { type: 'string' },
    },
  });
  // With no seed given, a fresh one: printed first, so any run can be replayed.
  const seed = positive('seed', values.seed ?? process.env['SEED'], randomInt(2 ** 31 - 1));
  const steps = positive('steps', values.steps, DEFAULTS.steps);
  const merchants = positive('merchants', values.merchants, DEFAULTS.merchants);
  const terminals = positive('terminals', values.terminals, DEFAULTS.terminals);
  write(`seed ${seed}: ${steps} steps, ${merchants} merchants × ${terminals} terminals`);
  const startedMs = performance.now();
  const report = await runSimulation({
    seed,
    steps,
    merchants,
    terminals,
    onProgress: (step) => process.stderr.write(`  … step ${step}\n`),
  });
  printReport(report, performance.now() - startedMs);
  if (report.ok) return 0;
  write(`SEED=${seed}`);
  write(
    `replay: SEED=${seed} npm run sim -- --steps ${steps} ` +
      `--merchants ${merchants} --terminals ${terminals}`,
  );
  return 1;
}

function printReport(report: SimulationReport, elapsedMs: number): void {
  const s = report.summary;
  write(
    `business dates ${s.firstBusinessDate} … ${s.lastBusinessDate}, ` +
      `${s.businessDatesSettled} settled`,
  );
  for (const [label, n] of Object.entries(s.outcomes)) write(`  ${label.padEnd(48)} ${n}`);
  write(`cardholders charged ${s.chargedYuan} yuan; paid out to merchants ${s.payoutYuan} yuan`);
  write(`ledger: ${s.ledgerEntries} entries`);
  for (const b of s.balances) {
    write(`  merchant ${b.merchantNo}: pending ${b.pendingYuan}, payable ${b.payableYuan}`);
  }
  write(`digest ${s.digest}`);
  write(`${(elapsedMs / 1000).toFixed(1)} s`);
  if (report.failure) write(`FAILED at step ${report.failure.step}: ${report.failure.message}`);
  else write('OK: every reply and the final books as the auditor expects');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
