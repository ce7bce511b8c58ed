// API密钥: the merchant's secret keys for server-to-server calls. Owners only, so the menu item is
// hidden from a cashier.
import { KeyOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { useSession } from '../../common/session.ts';
import { ApiKeysPage } from './ApiKeysPage.tsx';

export const feature: Feature = {
  order: 90,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'api-keys', component: ApiKeysPage }),
  ],
  // Called by useMerchantMenu, a hook, in the same order on every render: reading the session
  // here is a hook call in a stable place. Feature.menu takes no session, so this is the way in.
  menu: (t) =>
    useSession().data?.role === 'owner'
      ? [{ path: '/merchant/api-keys', label: t('merchant.api-keys:menu'), icon: <KeyOutlined /> }]
      : [],
};
