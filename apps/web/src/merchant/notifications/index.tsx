// 通知 (in-app notifications): the list, with the unread count in the menu.
import { BellOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { NotificationsMenuLabel } from './MenuLabel.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';

export const feature: Feature = {
  order: 80,
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: 'notifications',
      component: NotificationsPage,
    }),
  ],
  menu: () => [
    { path: '/merchant/notifications', label: <NotificationsMenuLabel />, icon: <BellOutlined /> },
  ],
};
