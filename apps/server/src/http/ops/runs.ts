// What a cutoff or settlement run started from the ops console does: the refusal checked before
// it is accepted (so the POST itself answers it), the engine's work it runs in the background
// (the same calls as `shoudan cutoff` and `shoudan settle`), and how a run is shown.
import type { RunBody } from '@shoudan/contracts';
import { cutoffInstantOf, ok, outcomeEntry, type CutOff, type DateSettled } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import type { Run, RunKind, RunWork } from './run-registry.ts';

/**
 * The run's total (1 for a cutoff, the merchants to settle for a settlement), or a thrown
 * outcome: `cutoff_too_early` before the date's cutoff time, `business_date_not_cut_off` for a
 * settlement of a date still open. A date already cut off or settled is no refusal: its run
 * completes at once, with `already` in its summary, as the engine answers it.
 */
export async function checkRunnable(
  deps: HttpDeps,
  tx: Db,
  input: { readonly kind: RunKind; readonly businessDate: string },
): Promise<number> {
  const date = input.businessDate;
  if (input.kind === 'cutoff') {
    const dueAt = cutoffInstantOf(date, deps.services.rules.cutoffTime);
    if (deps.services.clock.now() < dueAt) {
      throw new OutcomeError({
        code: 'cutoff_too_early',
        param: 'businessDate',
        detail: { dueAt: dueAt.toISOString() },
      });
    }
    return 1;
  }
  const status = await platform.ops.businessDateStatus(tx, date);
  if (status !== 'cut_off' && status !== 'settled') {
    throw new OutcomeError({ code: 'business_date_not_cut_off', param: 'businessDate' });
  }
  return platform.ops.merchantsToSettle(tx, date);
}

/** The engine's work of the run; the engine checks its rules again when it runs. */
export function workOf(deps: HttpDeps, kind: RunKind, businessDate: string): RunWork {
  const engine = deps.services.engine;
  if (kind === 'cutoff') {
    return async () => {
      const result = await engine.cutoff({ businessDate });
      return result.ok ? ok(cutoffSummary(result.value)) : result;
    };
  }
  return async (progress) => {
    const result = await engine.settleMerchants({
      businessDate,
      chunkSize: deps.services.config.settlementChunkSize,
      onProgress: progress,
    });
    return result.ok ? ok(settlementSummary(result.value)) : result;
  };
}

function cutoffSummary(c: CutOff): Record<string, number | string> {
  return {
    approvedCount: c.summary.approvedCount,
    approvedSalesFen: String(c.summary.approvedSalesFen),
    already: c.already ? 1 : 0,
  };
}

function settlementSummary(s: DateSettled): Record<string, number | string> {
  return {
    merchants: s.merchants,
    grossFen: String(s.grossFen),
    feeFen: String(s.feeFen),
    refundFen: String(s.refundFen),
    payoutFen: String(s.payoutFen),
    already: s.already ? 1 : 0,
  };
}

/** The run as the API shows it, its outcome's message in the caller's language. */
export function runBody(run: Run, language: 'zh' | 'en'): RunBody {
  const failure = run.outcome;
  let outcome: RunBody['outcome'] = null;
  if (failure?.code === 'internal_error') {
    outcome = { code: failure.code, message: language === 'zh' ? '内部错误' : 'Internal error' };
  } else if (failure) {
    outcome = { code: failure.code, message: outcomeEntry(failure.code)[language] };
  }
  return {
    id: run.id,
    kind: run.kind,
    businessDate: run.businessDate,
    status: run.status,
    done: run.done,
    total: run.total,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedBy: run.startedBy,
    outcome,
    summary: run.summary ? { ...run.summary } : null,
  };
}
