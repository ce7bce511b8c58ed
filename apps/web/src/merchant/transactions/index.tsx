// 交易查询: the transaction list (filters in the URL) and one transaction's detail.
import { SearchOutlined } from '@ant-design/icons';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { TransactionSearch } from './search.ts';
import { TransactionDetailPage } from './TransactionDetailPage.tsx';
import { TransactionsPage } from './TransactionsPage.tsx';

function routes(parent: AnyRoute): AnyRoute[] {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'transactions',
    validateSearch: TransactionSearch,
    component: function Transactions() {
      return <TransactionsPage search={list.useSearch()} />;
    },
  });
  const detail = createRoute({
    getParentRoute: () => parent,
    path: 'transactions/$id',
    component: function Transaction() {
      const { id } = detail.useParams();
      return <TransactionDetailPage id={id} />;
    },
  });
  return [list, detail];
}

export const feature: Feature = {
  order: 10,
  routes,
  menu: (t) => [
    {
      path: '/merchant/transactions',
      label: t('merchant.transactions:menu'),
      icon: <SearchOutlined />,
    },
  ],
};
