// 服务管理: the merchant's services, rates and the applications to revoke or activate them.
import { AppstoreOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { ServicesPage } from './ServicesPage.tsx';

export const feature: Feature = {
  order: 40,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'services', component: ServicesPage }),
  ],
  menu: (t) => [
    { path: '/merchant/services', label: t('merchant.services:menu'), icon: <AppstoreOutlined /> },
  ],
};
