// Merchants (商户) in the ops console: search and one merchant's page.
import { ShopOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { DetailPage } from './DetailPage.tsx';
import { ListPage, MerchantListSearch } from './ListPage.tsx';

export const feature: OpsFeature = {
  order: 20,
  permission: 'merchants',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: 'merchants',
      validateSearch: MerchantListSearch,
      component: ListPage,
    }),
    createRoute({ getParentRoute: () => parent, path: 'merchants/$id', component: DetailPage }),
  ],
  menu: (t) => [{ path: '/ops/merchants', label: t('ops.merchants:menu'), icon: <ShopOutlined /> }],
};
