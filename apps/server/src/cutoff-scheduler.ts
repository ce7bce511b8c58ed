// The cutoff (日切) scheduler of a running server: at a fixed interval it sends again the
// reversals the card network did not take, cuts off every business date whose cutoff time has
// passed and settles the merchants of each date cut off.
import { formatYuan } from '@shoudan/core';
import { datesAwaitingSettlement } from './queries.ts';
import type { Services } from './services.ts';

export type CutoffScheduler = {
  /** One check now; resolves when it is done (a check already running is awaited instead). */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a running check to finish. */
  stop(): Promise<void>;
};

export function startCutoffScheduler(services: Services): CutoffScheduler {
  let running: Promise<void> | undefined;
  let stopped = false;
  const runOnce = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= check(services)
      .catch((err: unknown) => {
        services.logger.error({ event: 'cutoff.failed', err }, 'cutoff check failed');
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), services.config.cutoffCheckIntervalMs);
  // The scheduler alone must not keep the process alive.
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

async function check(services: Services): Promise<void> {
  const { engine, logger } = services;
  const retried = await engine.retryReversals();
  if (retried.taken > 0) logger.info({ event: 'reversals.taken', taken: retried.taken });
  if (retried.kept > 0) logger.warn({ event: 'reversals.kept', kept: retried.kept });
  for (const c of await engine.cutoffDue()) {
    logger.info(
      {
        event: 'cutoff.completed',
        businessDate: c.businessDate,
        approvedCount: c.summary.approvedCount,
        approvedSalesYuan: formatYuan(c.summary.approvedSalesFen),
      },
      `business date ${c.businessDate} cut off`,
    );
  }
  // Also settles a date whose cutoff ran before a crash but whose settlement did not.
  for (const businessDate of await datesAwaitingSettlement(services.db)) {
    const settled = await engine.settleMerchants({
      businessDate,
      chunkSize: services.config.settlementChunkSize,
    });
    if (!settled.ok) {
      logger.warn({ event: 'settlement.refused', businessDate, code: settled.outcome.code });
      continue;
    }
    const s = settled.value;
    logger.info(
      {
        event: 'settlement.completed',
        businessDate,
        merchants: s.merchants,
        grossYuan: formatYuan(s.grossFen),
        feeYuan: formatYuan(s.feeFen),
        refundYuan: formatYuan(s.refundFen),
        payoutYuan: formatYuan(s.payoutFen),
      },
      `business date ${businessDate} settled`,
    );
  }
}
