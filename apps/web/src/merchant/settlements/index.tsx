// 结算与对账单: balances and settlements, and one business date's statement. Owners only, so the
// menu item is hidden from a cashier.
import { AccountBookOutlined } from '@ant-design/icons';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { useSession } from '../../common/session.ts';
import { SettlementSearch } from './search.ts';
import { SettlementsPage } from './SettlementsPage.tsx';
import { StatementPage } from './StatementPage.tsx';

function routes(parent: AnyRoute): AnyRoute[] {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'settlements',
    validateSearch: SettlementSearch,
    component: function Settlements() {
      return <SettlementsPage search={list.useSearch()} />;
    },
  });
  const statement = createRoute({
    getParentRoute: () => parent,
    path: 'settlements/$businessDate',
    component: function Statement() {
      const { businessDate } = statement.useParams();
      return <StatementPage businessDate={businessDate} />;
    },
  });
  return [list, statement];
}

export const feature: Feature = {
  order: 20,
  routes,
  // Called by useMerchantMenu, a hook, in the same order on every render: reading the session
  // here is a hook call in a stable place. Feature.menu takes no session, so this is the way in.
  menu: (t) =>
    useSession().data?.role === 'owner'
      ? [
          {
            path: '/merchant/settlements',
            label: t('merchant.settlements:menu'),
            icon: <AccountBookOutlined />,
          },
        ]
      : [],
};
