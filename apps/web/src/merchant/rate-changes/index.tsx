// 费率变更: the history of rate changes announced to the merchant.
import { PercentageOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { RateChangesPage } from './RateChangesPage.tsx';

export const feature: Feature = {
  order: 60,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'rate-changes', component: RateChangesPage }),
  ],
  menu: (t) => [
    {
      path: '/merchant/rate-changes',
      label: t('merchant.rate-changes:menu'),
      icon: <PercentageOutlined />,
    },
  ],
};
