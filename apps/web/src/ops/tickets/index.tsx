// The support queue (客服工单) in the ops console: tickets and one ticket's conversation.
import { CustomerServiceOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { DetailPage } from './DetailPage.tsx';
import { ListPage } from './ListPage.tsx';

export const feature: OpsFeature = {
  order: 90,
  permission: 'tickets',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'tickets', component: ListPage }),
    createRoute({ getParentRoute: () => parent, path: 'tickets/$id', component: DetailPage }),
  ],
  menu: (t) => [
    { path: '/ops/tickets', label: t('ops.tickets:menu'), icon: <CustomerServiceOutlined /> },
  ],
};
