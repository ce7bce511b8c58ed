// Cutoff and settlement (日切与结算) with payouts paid, in the ops console.
import { ScheduleOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { RunsPage } from './RunsPage.tsx';

export const feature: OpsFeature = {
  order: 60,
  permission: 'businessDates',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'runs', component: RunsPage }),
  ],
  menu: (t) => [{ path: '/ops/runs', label: t('ops.runs:menu'), icon: <ScheduleOutlined /> }],
};
