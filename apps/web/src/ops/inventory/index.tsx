// Terminal inventory and shipping (库存与物流) in the ops console.
import { InboxOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { InventoryPage } from './InventoryPage.tsx';

export const feature: OpsFeature = {
  order: 40,
  permission: 'inventory',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'inventory', component: InventoryPage }),
  ],
  menu: (t) => [
    { path: '/ops/inventory', label: t('ops.inventory:menu'), icon: <InboxOutlined /> },
  ],
};
