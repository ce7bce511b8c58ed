// 终端管理: the merchant's terminals and what may be done to each.
import { MobileOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { TerminalsPage } from './TerminalsPage.tsx';

export const feature: Feature = {
  order: 50,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'terminals', component: TerminalsPage }),
  ],
  menu: (t) => [
    { path: '/merchant/terminals', label: t('merchant.terminals:menu'), icon: <MobileOutlined /> },
  ],
};
