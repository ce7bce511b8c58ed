// The merchant portal's landing page (首页): the dashboard.
import { HomeOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { DashboardPage } from './DashboardPage.tsx';

export const feature: Feature = {
  order: 0,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/', component: DashboardPage }),
  ],
  menu: (t) => [{ path: '/merchant', label: t('merchant.dashboard:menu'), icon: <HomeOutlined /> }],
};
