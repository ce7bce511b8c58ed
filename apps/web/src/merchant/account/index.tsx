// 账户管理 (account management): for now its one page, 注销账户 (deregistration).
import { StopOutlined, UserOutlined } from '@ant-design/icons';
import { createRoute, redirect } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { DeregistrationPage } from './DeregistrationPage.tsx';

export const feature: Feature = {
  order: 30,
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: 'account',
      beforeLoad: () => {
        throw redirect({ to: '/merchant/account/deregistration' });
      },
    }),
    createRoute({
      getParentRoute: () => parent,
      path: 'account/deregistration',
      component: DeregistrationPage,
    }),
  ],
  menu: (t) => [
    {
      path: '/merchant/account',
      label: t('merchant.account:menu'),
      icon: <UserOutlined />,
      children: [
        {
          path: '/merchant/account/deregistration',
          label: t('merchant.account:deregistrationMenu'),
          icon: <StopOutlined />,
        },
      ],
    },
  ],
};
