// The merchant platform's dashboard (首页): the open business date's approved transactions, what
// the merchant is owed (from the ledger; owners and secret keys only), and 30 days for a chart.
import { type DashboardDay, MerchantDashboard } from '@shoudan/contracts';
import { addDays, businessDateOf } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { merchantOf } from '../auth/principal.ts';
import type { RegisterRoutes } from './index.ts';

/** Business dates in the chart, ending with the open one. */
const DAYS_SHOWN = 30;

export const registerDashboardRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: "Today's sales, voids and refunds, pending settlement, and the last 30 days",
        response: { 200: MerchantDashboard },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const now = deps.services.clock.now();
      const businessDate = businessDateOf(now, deps.services.rules.cutoffTime);
      const fromDate = addDays(businessDate, 1 - DAYS_SHOWN);
      const totals = await platform.dashboard.merchantDayTotals(deps.services.db, {
        merchantId: me.merchantId,
        fromDate,
        toDate: businessDate,
      });
      const byDate = new Map(totals.map((t) => [t.businessDate, t]));
      const days: DashboardDay[] = [];
      for (let i = 0; i < DAYS_SHOWN; i++) {
        const date = addDays(fromDate, i);
        const t = byDate.get(date);
        days.push({
          businessDate: date,
          salesCount: t?.salesCount ?? 0,
          salesFen: String(t?.salesFen ?? 0n),
          refundsFen: String(t?.refundsFen ?? 0n),
        });
      }
      const t = byDate.get(businessDate);
      const salesFen = t?.salesFen ?? 0n;
      const refundsFen = t?.refundsFen ?? 0n;
      // Cashiers take payments; what the merchant is owed is for those who reconcile.
      const reconciles = me.kind === 'api_key' || me.role === 'owner';
      const balance = reconciles ? await deps.services.engine.merchantBalance(me.merchantId) : null;
      return {
        businessDate,
        today: {
          salesCount: t?.salesCount ?? 0,
          salesFen: String(salesFen),
          voidsCount: t?.voidsCount ?? 0,
          voidsFen: String(t?.voidsFen ?? 0n),
          refundsCount: t?.refundsCount ?? 0,
          refundsFen: String(refundsFen),
          netFen: String(salesFen - refundsFen),
        },
        pendingSettlementFen: balance ? String(balance.pendingFen + balance.payableFen) : null,
        days,
      };
    },
  );
};
