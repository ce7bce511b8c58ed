// The ledger check (账务核对) in the ops console.
import { AccountBookOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { LedgerPage } from './LedgerPage.tsx';

export const feature: OpsFeature = {
  order: 70,
  permission: 'ledgerCheck',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'ledger', component: LedgerPage }),
  ],
  menu: (t) => [
    { path: '/ops/ledger', label: t('ops.ledger:menu'), icon: <AccountBookOutlined /> },
  ],
};
