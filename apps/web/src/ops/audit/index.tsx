// The audit log (审计日志) in the ops console.
import { FileSearchOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import type { OpsFeature } from '../routes.tsx';
import { AuditPage } from './AuditPage.tsx';

export const feature: OpsFeature = {
  order: 80,
  permission: 'audit',
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'audit', component: AuditPage }),
  ],
  menu: (t) => [{ path: '/ops/audit', label: t('ops.audit:menu'), icon: <FileSearchOutlined /> }],
};
