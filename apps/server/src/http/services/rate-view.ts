// How the API shows a fee rate: basis points, the cap as fen in a decimal string, when it takes
// effect and whose it is (the plan's or the merchant's own).
import type { RateBody } from '@shoudan/contracts';
import type { Service } from '@shoudan/core';
import type { platform } from '@shoudan/db';

type RateRow = platform.rates.RateRow;

export function rateBody(rate: RateRow): RateBody {
  return {
    rateBps: rate.rateBps,
    capFen: rate.capFen === null ? null : rate.capFen.toString(),
    effectiveFrom: rate.effectiveFrom.toISOString(),
    scope: rate.scope,
  };
}

/** The rates of each service. */
export function ratesByService(rates: readonly RateRow[]): Map<Service, RateRow[]> {
  const byService = new Map<Service, RateRow[]>();
  for (const rate of rates) {
    const list = byService.get(rate.service);
    if (list) list.push(rate);
    else byService.set(rate.service, [rate]);
  }
  return byService;
}

/** `1234` → `12.34%`, without passing through floating point. */
export function percentOf(rateBps: number): string {
  return `${Math.trunc(rateBps / 100)}.${String(rateBps % 100).padStart(2, '0')}%`;
}

/** Asia/Shanghai (UTC+8 all year) wall time of an instant, to the minute: `2026-12-24 10:00`. */
export function shanghaiMinute(at: Date): string {
  const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
