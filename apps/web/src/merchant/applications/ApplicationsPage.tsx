// 我的申请: the merchant's applications of every kind, newest first, filtered by kind and status
// (kept in the URL), each opening its detail with the timeline.
import type { ApplicationBody, ApplicationKind, ApplicationStatus } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Button, Card, Grid, Select, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useApplications, type ApplicationQuery } from './api.ts';
import { ApplicationStatusTag, useKindLabel } from './ApplicationStatusTag.tsx';
import { instantText, testIdProps } from './format.ts';

const KINDS: readonly ApplicationKind[] = [
  'deregistration',
  'service_revocation',
  'service_activation',
  'terminal_replacement',
  'terminal_return',
  'rate_change',
  'onboarding',
];
const STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'approved',
  'executed',
  'rejected',
  'withdrawn',
];

function useColumns(): TableProps<ApplicationBody>['columns'] {
  const { t } = useTranslation('merchant.applications');
  const kindLabel = useKindLabel();
  const wide = Grid.useBreakpoint().md === true;
  const number = {
    key: 'applicationNo',
    title: t('field.applicationNo'),
    render: (_: unknown, row: ApplicationBody) => (
      <Link to={`/merchant/applications/${row.id}`}>{row.applicationNo}</Link>
    ),
  };
  const kind = {
    key: 'kind',
    title: t('field.kind'),
    render: (_: unknown, row: ApplicationBody) => kindLabel(row.kind),
  };
  const status = {
    key: 'status',
    title: t('field.status'),
    render: (_: unknown, row: ApplicationBody) => <ApplicationStatusTag status={row.status} />,
  };
  const at = {
    key: 'submittedAt',
    title: t('field.submittedAt'),
    render: (_: unknown, row: ApplicationBody) => instantText(row.submittedAt),
  };
  const reason = { key: 'reason', title: t('field.reason'), dataIndex: 'reason', ellipsis: true };
  if (wide) return [number, kind, status, at, reason];
  // A phone has room for two columns: the number with its kind and date under it, the status.
  const stacked = {
    ...number,
    render: (_: unknown, row: ApplicationBody) => (
      <Space orientation="vertical" size={0}>
        <Link to={`/merchant/applications/${row.id}`}>{row.applicationNo}</Link>
        <span>{kindLabel(row.kind)}</span>
        <Typography.Text type="secondary">{instantText(row.submittedAt)}</Typography.Text>
      </Space>
    ),
  };
  return [stacked, status];
}

export function ApplicationsPage(props: {
  readonly search: ApplicationQuery;
  readonly onSearch: (next: ApplicationQuery) => void;
}) {
  const { t } = useTranslation('merchant.applications');
  const kindLabel = useKindLabel();
  const list = useApplications(props.search);
  const columns = useColumns();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select<ApplicationKind>
            aria-label={t('kindLabel')}
            placeholder={t('allKinds')}
            allowClear
            style={{ minWidth: 160 }}
            value={props.search.kind}
            onChange={(kind) => props.onSearch({ ...props.search, kind })}
            options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            data-testid="applications-kind"
          />
          <Select<ApplicationStatus>
            aria-label={t('statusLabel')}
            placeholder={t('allStatuses')}
            allowClear
            style={{ minWidth: 140 }}
            value={props.search.status}
            onChange={(status) => props.onSearch({ ...props.search, status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="applications-status"
          />
          <Button onClick={() => void list.refetch()} loading={list.isFetching}>
            {t('refresh')}
          </Button>
        </Space>
      </Card>
      <ErrorAlert error={list.error} />
      <Table<ApplicationBody>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        onRow={(row) => testIdProps(`application-row-${row.id}`)}
      />
    </Space>
  );
}
