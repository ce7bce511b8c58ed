// Pieces every ops page shares: the signed-in staff member's roles, a page that only some roles
// may open (it asks the API nothing otherwise), the page title, and tags for statuses.
import { Result, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../common/session.ts';
import { ACCESS, may, type Permission, type Roles } from './roles.ts';

export type Staff = { readonly userId: string; readonly roles: Roles };

/** The signed-in staff member (the ops area is behind a staff session, so it is there). */
export function useStaff(): Staff {
  const session = useSession();
  return { userId: session.data?.userId ?? '', roles: session.data?.roles ?? [] };
}

export function useMay(permission: Permission): boolean {
  return may(useStaff().roles, permission);
}

/** Renders `children` only for the roles that may; others read which roles would. */
export function RoleGate({
  permission,
  children,
}: {
  readonly permission: Permission;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation('ops.shared');
  const allowed = useMay(permission);
  if (allowed) return children;
  const roles = ['admin', ...ACCESS[permission]].map((r) => t(`roles.${r}`)).join(' / ');
  return (
    <Result
      status="403"
      title={t('noAccess')}
      subTitle={t('noAccessHint', { roles })}
      data-testid="no-access"
    />
  );
}

export function PageTitle({
  title,
  extra,
}: {
  readonly title: ReactNode;
  readonly extra?: ReactNode;
}) {
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 8,
        alignItems: 'center',
        justifyContent: 'space-between',
        marginBottom: 16,
      }}
    >
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? <Space wrap>{extra}</Space> : null}
    </div>
  );
}

const APPLICATION_COLORS: Record<string, string> = {
  submitted: 'processing',
  approved: 'cyan',
  executed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ApplicationStatusTag({
  status,
  testId,
}: {
  readonly status: string;
  readonly testId?: string;
}) {
  const { t } = useTranslation('ops.shared');
  return (
    <Tag color={APPLICATION_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function KindTag({ kind, testId }: { readonly kind: string; readonly testId?: string }) {
  const { t } = useTranslation('ops.shared');
  return (
    <Tag color="blue" data-testid={testId} data-kind={kind}>
      {t(`kinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = {
  active: 'success',
  pending: 'processing',
  pending_activation: 'processing',
  suspended: 'warning',
  frozen: 'warning',
  closed: 'default',
  deactivated: 'default',
  revoked: 'default',
  not_activated: 'default',
};

/** A merchant's, a terminal's or a service's status, in words of `group` (an i18n key). */
export function StatusTag({
  group,
  status,
}: {
  readonly group: 'merchantStatuses' | 'terminalStatuses' | 'serviceStatuses';
  readonly status: string;
}) {
  const { t } = useTranslation('ops.shared');
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {t(`${group}.${status}`, { defaultValue: status })}
    </Tag>
  );
}
