// The landing page of the area (replaced by the real dashboard).
import { createRoute } from '@tanstack/react-router';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../common/feature.ts';

export const feature: Feature = {
  order: 0,
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: '/',
      component: function Home() {
        const { t } = useTranslation('virtual-pos.home');
        return <Typography.Title level={3}>{t('title')}</Typography.Title>;
      },
    }),
  ],
};
