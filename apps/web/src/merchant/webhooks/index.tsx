// Webhooks (owner only): endpoints, the secret shown once, disabling, the delivery log. The menu
// item is hidden from a cashier (the page itself says so too, should a cashier open it).
import { ApiOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { useSession } from '../../common/session.ts';
import { WebhooksPage } from './WebhooksPage.tsx';

export const feature: Feature = {
  order: 85,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'webhooks', component: WebhooksPage }),
  ],
  // As api-keys does: menu() runs inside the useMerchantMenu hook, in the same order on every
  // render, so reading the session here is a hook call in a stable place.
  menu: (t) =>
    useSession().data?.role === 'owner'
      ? [{ path: '/merchant/webhooks', label: t('merchant.webhooks:menu'), icon: <ApiOutlined /> }]
      : [],
};
