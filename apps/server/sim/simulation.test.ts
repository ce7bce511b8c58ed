// Goal: seeded POS traffic keeps every reply and the books right, replayably. Method: simulation.
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '@shoudan/db/testing';
import { runSimulation, type SimulationReport } from './simulation.ts';

/** The report's failure with the line that replays it, for the assertion message. */
function replayHint(report: SimulationReport): string {
  const f = report.failure;
  return f ? `SEED=${report.summary.seed} failed at step ${f.step}: ${f.message}` : '';
}

describe('seeded simulation (brief: CI runs a few hundred steps; `npm run sim` runs long)', () => {
  it.each([1, 2, 3])('seed %i: 300 steps of 3 merchants × 3 terminals', async (seed) => {
    const report = await runSimulation({ seed, steps: 300, merchants: 3, terminals: 3 });
    expect(report.failure, replayHint(report)).toBeNull();
    const outcomes = report.summary.outcomes;
    // The run really exercised the paths the auditor checks.
    for (const label of [
      'sale.approved',
      'void.approved',
      'refund.approved',
      'reversal.reversed',
    ]) {
      expect(outcomes[label], label).toBeGreaterThan(0);
    }
    expect(report.summary.businessDatesSettled).toBeGreaterThan(0);
  });

  it('runs one after another in a database it is given', async () => {
    const database = await openTestDatabase();
    try {
      const options = { steps: 120, merchants: 2, terminals: 2, database };
      const first = await runSimulation({ ...options, seed: 11 });
      const second = await runSimulation({ ...options, seed: 12 });
      expect(first.failure, replayHint(first)).toBeNull();
      expect(second.failure, replayHint(second)).toBeNull();
      expect(second.summary.firstBusinessDate > first.summary.lastBusinessDate).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('the same seed gives the same report, reply for reply', async () => {
    const first = await runSimulation({ seed: 42, steps: 200, merchants: 2, terminals: 2 });
    const second = await runSimulation({ seed: 42, steps: 200, merchants: 2, terminals: 2 });
    expect(first.failure, replayHint(first)).toBeNull();
    expect(second.summary).toEqual(first.summary);
    const other = await runSimulation({ seed: 43, steps: 200, merchants: 2, terminals: 2 });
    expect(other.summary.digest).not.toBe(first.summary.digest);
  });
});
