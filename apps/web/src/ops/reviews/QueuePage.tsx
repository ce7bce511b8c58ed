// The review queue (审核队列): applications filtered by kind and status (kept in the URL), newest
// first, each opening its review page.
import { ApplicationKind, ApplicationStatus, type ApplicationBody } from '@shoudan/contracts';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Card, Form, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { ApplicationStatusTag, KindTag, PageTitle, RoleGate } from '../shared/ui.tsx';
import { useApplications } from './api.ts';

export const QueueSearch = z.object({
  kind: ApplicationKind.optional().catch(undefined),
  status: z.union([ApplicationStatus, z.literal('all')]).catch('submitted'),
  /** One merchant's applications (from its page). */
  merchantId: z.uuid().optional().catch(undefined),
});
export type QueueSearch = z.infer<typeof QueueSearch>;

function useColumns(): ColumnsType<ApplicationBody> {
  const { t } = useTranslation('ops.reviews');
  const screens = Grid.useBreakpoint();
  const open = (a: ApplicationBody) => (
    <Link to="/ops/reviews/$id" params={{ id: a.id }} data-testid={`review-open-${a.id}`}>
      {a.status === 'submitted' ? t('open') : t('view')}
    </Link>
  );
  const number = (a: ApplicationBody) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text code>{a.applicationNo}</Typography.Text>
      {!screens.md && <KindTag kind={a.kind} />}
    </Space>
  );
  return [
    { title: t('applicationNo'), key: 'no', render: (_, a) => number(a) },
    ...(screens.md
      ? [
          {
            title: t('kind'),
            key: 'kind',
            render: (_: unknown, a: ApplicationBody) => <KindTag kind={a.kind} />,
          },
          { title: t('summary'), dataIndex: 'reason', ellipsis: true },
          {
            title: t('submittedAt'),
            key: 'at',
            render: (_: unknown, a: ApplicationBody) => formatInstant(a.submittedAt),
          },
        ]
      : []),
    {
      title: t('status'),
      key: 'status',
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    { title: '', key: 'open', render: (_, a) => open(a), width: 72 },
  ];
}

function Filters({ search }: { readonly search: QueueSearch }) {
  const { t } = useTranslation('ops.reviews');
  const navigate = useNavigate();
  const go = (next: Partial<QueueSearch>) =>
    void navigate({ to: '/ops/reviews', search: { ...search, ...next } });
  return (
    <Form layout="vertical" style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      <Form.Item
        label={t('kind')}
        htmlFor="review-filter-kind"
        style={{ minWidth: 200, marginBottom: 0 }}
      >
        <Select
          id="review-filter-kind"
          data-testid="review-filter-kind"
          value={search.kind ?? 'all'}
          onChange={(kind: string) => go({ kind: kind === 'all' ? undefined : (kind as never) })}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...ApplicationKind.options.map((k) => ({
              value: k,
              label: t(`ops.shared:kinds.${k}`),
            })),
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('status')}
        htmlFor="review-filter-status"
        style={{ minWidth: 160, marginBottom: 0 }}
      >
        <Select
          id="review-filter-status"
          data-testid="review-filter-status"
          value={search.status}
          onChange={(status: QueueSearch['status']) => go({ status })}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...ApplicationStatus.options.map((s) => ({
              value: s,
              label: t(`ops.shared:statuses.${s}`),
            })),
          ]}
        />
      </Form.Item>
      {search.merchantId && (
        <Form.Item label={t('merchant')} style={{ marginBottom: 0 }}>
          <Tag
            closable
            onClose={() => go({ merchantId: undefined })}
            style={{ padding: '4px 8px' }}
          >
            <MerchantLink id={search.merchantId} />
          </Tag>
        </Form.Item>
      )}
    </Form>
  );
}

function Queue() {
  const { t } = useTranslation('ops.reviews');
  const search = QueueSearch.parse(useSearch({ strict: false }));
  const query = useApplications({
    merchantId: search.merchantId,
    kind: search.kind,
    status: search.status === 'all' ? undefined : search.status,
  });
  const columns = useColumns();
  return (
    <>
      <PageTitle title={t('title')} />
      <Card variant="outlined" style={{ marginBottom: 16 }}>
        <Filters search={search} />
      </Card>
      <ErrorAlert error={query.error} />
      <Table<ApplicationBody>
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('empty') }}
        onRow={(a) => ({ 'data-testid': `review-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
      />
      {query.isError && <Button onClick={() => void query.refetch()}>{t('common:retry')}</Button>}
    </>
  );
}

export function QueuePage() {
  return (
    <RoleGate permission="reviewQueue">
      <Queue />
    </RoleGate>
  );
}
