// The deregistration checklist as the page shows it: the API's text in the page's language, where
// in the portal a failing check is resolved, and the facts behind a check as lines to read.
import type { LocalizedText } from '@shoudan/contracts';
import { z } from 'zod';
import { fenText } from '../applications/format.ts';

/** The API's text in the page's language (i18next's 'en' or 'zh-CN'). */
export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('en') ? text.en : text.zh;
}

export type CheckLink = {
  readonly to: string;
  /** A key of the 'merchant.account' namespace. */
  readonly label: string;
};

const POS: CheckLink = { to: '/pos', label: 'link.pos' };
const TERMINALS: CheckLink = { to: '/merchant/terminals', label: 'link.terminals' };
const SETTLEMENTS: CheckLink = { to: '/merchant/settlements', label: 'link.settlements' };
const SUPPORT: CheckLink = { to: '/merchant/tickets/new', label: 'link.support' };

const LINKS: Readonly<Record<string, readonly CheckLink[]>> = {
  // A batch closes when its terminal settles (结算): on the device, or on the virtual POS.
  batches_settled: [POS, TERMINALS],
  sales_settled: [SETTLEMENTS],
  refunds_settled: [SETTLEMENTS],
  payouts_paid: [SETTLEMENTS, SUPPORT],
  balances_zero: [SETTLEMENTS, SUPPORT],
  terminals_returned: [TERMINALS],
};

/** Where a failing check is resolved in the portal; none for a check the web does not know. */
export function linksOf(key: string): readonly CheckLink[] {
  return LINKS[key] ?? [];
}

export type DetailLine = {
  /** A key of the 'merchant.account' namespace. */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** For a terminal: the key of its status's name. */
  readonly statusKey?: string;
};

const Batches = z.object({
  batches: z.array(
    z.object({ terminalId: z.string(), batchNo: z.number(), transactionCount: z.number() }),
  ),
});
const Days = z.object({
  days: z.array(z.object({ businessDate: z.string(), count: z.number(), amountFen: z.string() })),
});
const Payouts = z.object({
  payouts: z.array(
    z.object({ businessDate: z.string(), payableDate: z.string(), payoutFen: z.string() }),
  ),
});
const Terminals = z.object({
  terminals: z.array(z.object({ terminalId: z.string(), status: z.string() })),
});

/** The facts behind a check (its `detail`) as lines; none for a shape the web does not know. */
export function detailLines(key: string, detail: Record<string, unknown>): DetailLine[] {
  switch (key) {
    case 'batches_settled':
      return (Batches.safeParse(detail).data?.batches ?? []).map((b) => ({
        key: 'detail.batch',
        params: {
          terminalId: b.terminalId,
          batchNo: String(b.batchNo).padStart(6, '0'),
          count: b.transactionCount,
        },
      }));
    case 'sales_settled':
    case 'refunds_settled':
      return (Days.safeParse(detail).data?.days ?? []).map((d) => ({
        key: 'detail.day',
        params: { date: d.businessDate, count: d.count, amount: fenText(d.amountFen) },
      }));
    case 'payouts_paid':
      return (Payouts.safeParse(detail).data?.payouts ?? []).map((p) => ({
        key: 'detail.payout',
        params: { date: p.businessDate, payableDate: p.payableDate, amount: fenText(p.payoutFen) },
      }));
    case 'terminals_returned':
      return (Terminals.safeParse(detail).data?.terminals ?? []).map((t) => ({
        key: 'detail.terminal',
        params: { terminalId: t.terminalId },
        statusKey: `terminalStatus.${t.status}`,
      }));
    default:
      return [];
  }
}
