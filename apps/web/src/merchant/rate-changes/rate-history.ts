// The rate-change history's pure parts: how a rate reads (basis points and an optional cap) and
// which upcoming change comes first (the list arrives latest effective time first).
import type { MerchantRateChange } from '@shoudan/contracts';
import { formatBp, formatFen } from '../../common/money.ts';

export type RateText = { readonly rate: string; readonly cap: string | null };

export function rateText(rateBps: number, capFen: string | null): RateText {
  return { rate: formatBp(rateBps), cap: capFen === null ? null : formatFen(BigInt(capFen)) };
}

export type RateState = MerchantRateChange['state'];

/** The upcoming changes and the soonest of them (undefined when none). */
export function upcomingOf(changes: readonly MerchantRateChange[]) {
  const upcoming = changes.filter((c) => c.state === 'upcoming');
  const first = upcoming.reduce<MerchantRateChange | undefined>(
    (soonest, c) =>
      soonest === undefined || c.effectiveFrom < soonest.effectiveFrom ? c : soonest,
    undefined,
  );
  return { count: upcoming.length, first };
}
