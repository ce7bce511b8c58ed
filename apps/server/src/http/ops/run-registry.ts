// Cutoff and settlement runs started from the ops console, kept in memory by the app that started
// them: one registry per app, so per server process (a restart forgets the runs, never what they
// did: business dates and settlements are in the database). One run per kind and date at a time.
import type { AnyOutcomeCode, Clock, Outcome, Result } from '@shoudan/core';
import type { Logger } from '../../logger.ts';

export type RunKind = 'cutoff' | 'settlement';

/** Why a run failed: an engine outcome, or `internal_error` for a defect (logged). */
export type RunFailure = { readonly code: AnyOutcomeCode | 'internal_error' };

export type Run = {
  readonly id: string;
  readonly kind: RunKind;
  readonly businessDate: string;
  readonly startedAt: Date;
  readonly startedBy: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  finishedAt: Date | null;
  outcome: RunFailure | null;
  summary: Readonly<Record<string, number | string>> | null;
};

/** The engine's work of a run: reports progress, answers its summary or an expected outcome. */
export type RunWork = (
  progress: (done: number, total: number) => void,
) => Promise<Result<Readonly<Record<string, number | string>>, Outcome<AnyOutcomeCode>>>;

export type RunRegistry = {
  /** The run of `kind` and `businessDate` still going, if any. */
  running(kind: RunKind, businessDate: string): Run | undefined;
  /** Records a new run as running; `launch` starts its work (or `discard` forgets it). */
  reserve(input: {
    readonly id: string;
    readonly kind: RunKind;
    readonly businessDate: string;
    readonly startedBy: string;
    readonly total: number;
  }): Run;
  discard(id: string): void;
  /** Runs `work` in the background; it never rejects: a defect fails the run. */
  launch(run: Run, work: RunWork): void;
  find(id: string): Run | undefined;
  /** Newest first. */
  list(limit: number): Run[];
  /** Resolves once no run is going (the app waits for this when it closes). */
  idle(): Promise<void>;
};

/** Finished runs kept for the console; the oldest are forgotten first. */
const RUNS_KEPT_MAX = 200;

export function createRunRegistry(deps: { clock: Clock; logger: Logger }): RunRegistry {
  const runs = new Map<string, Run>();
  const tasks = new Set<Promise<void>>();
  const log = deps.logger.child({ part: 'runs' });

  function forgetOldest(): void {
    for (const [id, run] of runs) {
      if (runs.size <= RUNS_KEPT_MAX) return;
      if (run.status !== 'running') runs.delete(id);
    }
  }

  return {
    running: (kind, businessDate) =>
      [...runs.values()].find(
        (r) => r.status === 'running' && r.kind === kind && r.businessDate === businessDate,
      ),
    reserve: (input) => {
      const run: Run = {
        ...input,
        startedAt: deps.clock.now(),
        status: 'running',
        done: 0,
        finishedAt: null,
        outcome: null,
        summary: null,
      };
      runs.set(run.id, run);
      forgetOldest();
      return run;
    },
    discard: (id) => {
      runs.delete(id);
    },
    launch: (run, work) => {
      const task: Promise<void> = execute({ clock: deps.clock, log }, run, work).finally(() =>
        tasks.delete(task),
      );
      tasks.add(task);
    },
    find: (id) => runs.get(id),
    list: (limit) => [...runs.values()].reverse().slice(0, limit),
    idle: async () => {
      while (tasks.size > 0) await Promise.all([...tasks]);
    },
  };
}

/** Runs `work` for `run`, recording how it ended; never rejects. */
async function execute(
  deps: { readonly clock: Clock; readonly log: Logger },
  run: Run,
  work: RunWork,
): Promise<void> {
  const where = { runId: run.id, kind: run.kind, businessDate: run.businessDate };
  try {
    const result = await work((done, total) => {
      run.done = done;
      run.total = total;
    });
    run.finishedAt = deps.clock.now();
    if (result.ok) {
      run.status = 'completed';
      run.done = run.total;
      run.summary = result.value;
      deps.log.info({ event: 'run.completed', ...where, ...result.value });
    } else {
      run.status = 'failed';
      run.outcome = { code: result.outcome.code };
      deps.log.warn({ event: 'run.refused', ...where, code: result.outcome.code });
    }
  } catch (err) {
    run.finishedAt = deps.clock.now();
    run.status = 'failed';
    run.outcome = { code: 'internal_error' };
    deps.log.error({ event: 'run.failed', ...where, err }, 'run failed');
  }
}
