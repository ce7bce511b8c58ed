// The review queues (审核队列) and the console's landing page (工作台): the queue by kind and
// status, one application's review page, and the overview of what waits at /ops.
import { AuditOutlined, DashboardOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { DetailPage } from './DetailPage.tsx';
import { Overview } from './Overview.tsx';
import { QueuePage, QueueSearch } from './QueuePage.tsx';

export const feature: OpsFeature = {
  order: 10,
  permission: 'reviewQueue',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/', component: Overview }),
    createRoute({
      getParentRoute: () => parent,
      path: 'reviews',
      validateSearch: QueueSearch,
      component: QueuePage,
    }),
    createRoute({ getParentRoute: () => parent, path: 'reviews/$id', component: DetailPage }),
  ],
  menu: (t) => [
    { path: '/ops', label: t('ops.reviews:overviewMenu'), icon: <DashboardOutlined /> },
    { path: '/ops/reviews', label: t('ops.reviews:menu'), icon: <AuditOutlined /> },
  ],
};
