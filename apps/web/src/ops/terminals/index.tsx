// Terminals (终端) in the ops console: search across merchants.
import { CreditCardOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { ListPage, TerminalListSearch } from './ListPage.tsx';

export const feature: OpsFeature = {
  order: 30,
  permission: 'terminals',
  routes: (parent) => [
    createRoute({
      getParentRoute: () => parent,
      path: 'terminals',
      validateSearch: TerminalListSearch,
      component: ListPage,
    }),
  ],
  menu: (t) => [
    { path: '/ops/terminals', label: t('ops.terminals:menu'), icon: <CreditCardOutlined /> },
  ],
};
