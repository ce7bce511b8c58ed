// The audit log (审计日志): every audited change, newest first, searched by action, object,
// merchant, actor and period; a paged table whose rows open their detail.
import type { AuditEntry, AuditEntryList } from '@shoudan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { auditQuery, type AuditForm } from './query.ts';

/** The API's most per search; the table pages through them. */
const LIMIT = 500;

/** A long id shortened for the table; the row's detail shows it whole. */
function shortId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 8)}…` : id;
}

function useActor(): (e: AuditEntry) => string {
  const { t } = useTranslation('ops.audit');
  return (e) => `${e.actorName} (${t(`actorKinds.${e.actorKind}`, { defaultValue: e.actorKind })})`;
}

function useColumns(): ColumnsType<AuditEntry> {
  const { t } = useTranslation('ops.audit');
  const wide = Grid.useBreakpoint().md;
  const actor = useActor();
  const action = (e: AuditEntry) => <Typography.Text code>{e.action}</Typography.Text>;
  const at = {
    title: t('at'),
    key: 'at',
    render: (_: unknown, e: AuditEntry) => formatInstant(e.at, true),
  };
  if (!wide) {
    const what = (_: unknown, e: AuditEntry) => (
      <Space orientation="vertical" size={0}>
        {action(e)}
        <Typography.Text type="secondary">{actor(e)}</Typography.Text>
      </Space>
    );
    return [at, { title: t('action'), key: 'what', render: what }];
  }
  return [
    at,
    { title: t('action'), key: 'action', render: (_, e) => action(e) },
    { title: t('actor'), key: 'actor', render: (_, e) => actor(e) },
    {
      title: t('object'),
      key: 'object',
      render: (_, e) => <span title={e.objectId}>{`${e.objectType} ${shortId(e.objectId)}`}</span>,
    },
    {
      title: t('merchant'),
      key: 'merchant',
      render: (_, e) => (e.merchantId ? <MerchantLink id={e.merchantId} /> : '—'),
    },
    { title: t('ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
  ];
}

function Detail({ entry }: { readonly entry: AuditEntry }) {
  const { t } = useTranslation('ops.audit');
  const actor = useActor();
  return (
    <div style={{ maxWidth: '80vw' }}>
      <Typography.Paragraph style={{ wordBreak: 'break-all' }}>
        {t('object')}: {entry.objectType} {entry.objectId}
        <br />
        {t('actor')}: {actor(entry)} · {t('ip')}: {entry.ip ?? '—'}
        {entry.merchantId && (
          <>
            <br />
            {t('merchant')}: <MerchantLink id={entry.merchantId} />
          </>
        )}
      </Typography.Paragraph>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0, fontSize: 12 }}>
        {JSON.stringify(entry.detail, null, 2)}
      </pre>
    </div>
  );
}

function Audit() {
  const { t } = useTranslation('ops.audit');
  const [form, setForm] = useState<AuditForm>({});
  const query = useQuery({
    queryKey: ['ops', 'audit', form],
    queryFn: () => api.get<AuditEntryList>('/v1/ops/audit', auditQuery(form, LIMIT)),
    placeholderData: keepPreviousData,
  });
  const columns = useColumns();
  const rows = query.data?.data ?? [];
  return (
    <>
      <PageTitle title={t('title')} />
      <AuditFilters onSearch={setForm} />
      <ErrorAlert error={query.error} />
      {rows.length >= LIMIT && (
        <Typography.Paragraph type="secondary">
          {t('limited', { count: LIMIT })}
        </Typography.Paragraph>
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={query.isLoading || query.isPlaceholderData}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (e) => <Detail entry={e} /> }}
        locale={{ emptyText: t('empty') }}
        onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}

export function AuditPage() {
  return (
    <RoleGate permission="audit">
      <Audit />
    </RoleGate>
  );
}
