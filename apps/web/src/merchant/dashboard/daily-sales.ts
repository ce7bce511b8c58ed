// The 30-day chart's data from the dashboard's days: labels as MM-DD and amounts in yuan (the
// chart's axis is a number); the tooltip formats the days' fen exactly with formatFen.
import type { DashboardDay } from '@shoudan/contracts';

export type DailySales = {
  readonly labels: string[];
  readonly salesYuan: number[];
  readonly days: readonly DashboardDay[];
  /** No sale on any of the days: the page says so under the (flat) chart. */
  readonly empty: boolean;
};

/** Fen as the API sends it (a decimal string; a number is taken too) → exact bigint. */
export function fenOf(fen: string | number): bigint {
  return typeof fen === 'number' ? BigInt(Math.trunc(fen)) : BigInt(fen);
}

/** Yuan as a float, for drawing only (never for sums or display text). */
export function yuanForChart(fen: string | number): number {
  return Number(fenOf(fen)) / 100;
}

export function dailySales(days: readonly DashboardDay[]): DailySales {
  return {
    labels: days.map((d) => d.businessDate.slice(5)),
    salesYuan: days.map((d) => yuanForChart(d.salesFen)),
    days,
    empty: days.every((d) => d.salesCount === 0 && fenOf(d.salesFen) === 0n),
  };
}
