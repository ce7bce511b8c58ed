// Rate changes (费率调整) in the ops console: the list, proposals and withdrawing one's own.
import { PercentageOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { RateChangesPage } from './RateChangesPage.tsx';

export const feature: OpsFeature = {
  order: 50,
  permission: 'rateChanges',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'rate-changes', component: RateChangesPage }),
  ],
  menu: (t) => [
    { path: '/ops/rate-changes', label: t('ops.rate-changes:menu'), icon: <PercentageOutlined /> },
  ],
};
