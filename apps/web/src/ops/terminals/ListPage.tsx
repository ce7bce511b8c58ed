// Terminal search (终端查询): by terminal id prefix, a part of the serial number or a merchant
// number prefix, and status; keyset pages in terminal id order.
import {
  TerminalStatus,
  type TerminalSearchQuery,
  type TerminalSummary,
  type TerminalSummaryPage,
} from '@shoudan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Card, Form, Grid, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { Pager, usePages } from '../shared/Pager.tsx';
import { SearchBox } from '../shared/SearchBox.tsx';
import { SearchText } from '../shared/rules.ts';
import { PageTitle, RoleGate, StatusTag } from '../shared/ui.tsx';

export const TerminalListSearch = z.object({
  q: SearchText,
  status: TerminalStatus.optional().catch(undefined),
});
type TerminalListSearch = z.infer<typeof TerminalListSearch>;

const PAGE_SIZE = 20;

function useTerminals(search: Partial<TerminalSearchQuery>) {
  return useQuery({
    queryKey: ['ops', 'terminals', search],
    queryFn: () => api.get<TerminalSummaryPage>('/v1/ops/terminals', { ...search }),
    placeholderData: keepPreviousData,
  });
}

function useColumns(): ColumnsType<TerminalSummary> {
  const { t } = useTranslation('ops.terminals');
  const wide = Grid.useBreakpoint().md;
  const merchant = (r: TerminalSummary) => (
    <Link to="/ops/merchants/$id" params={{ id: r.merchantId }}>
      {wide ? `${r.merchantNo} ${r.merchantName}` : r.merchantName}
    </Link>
  );
  return [
    {
      title: t('terminalId'),
      dataIndex: 'terminalId',
      render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
    },
    ...(wide
      ? [{ title: t('serialNo'), dataIndex: 'serialNo', render: (s: string | null) => s ?? '—' }]
      : []),
    { title: t('merchant'), key: 'merchant', render: (_, r) => merchant(r) },
    {
      title: t('status'),
      key: 'status',
      render: (_, r) => <StatusTag group="terminalStatuses" status={r.status} />,
    },
  ];
}

function Filters({ search }: { readonly search: TerminalListSearch }) {
  const { t } = useTranslation('ops.terminals');
  const navigate = useNavigate();
  const go = (next: Partial<TerminalListSearch>) =>
    void navigate({ to: '/ops/terminals', search: { ...search, ...next } });
  return (
    <Form layout="vertical" style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      <Form.Item
        label={t('search')}
        htmlFor="terminal-search"
        style={{ flex: '1 1 260px', marginBottom: 0 }}
      >
        <SearchBox
          initial={search.q}
          placeholder={t('searchPlaceholder')}
          onSearch={(q) => go({ q })}
          testId="terminal-search"
          id="terminal-search"
        />
      </Form.Item>
      <Form.Item
        label={t('status')}
        htmlFor="terminal-filter-status"
        style={{ minWidth: 160, marginBottom: 0 }}
      >
        <Select
          value={search.status ?? 'all'}
          onChange={(s: string) => go({ status: s === 'all' ? undefined : (s as never) })}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...TerminalStatus.options.map((s) => ({
              value: s,
              label: t(`ops.shared:terminalStatuses.${s}`),
            })),
          ]}
          id="terminal-filter-status"
          data-testid="terminal-filter-status"
        />
      </Form.Item>
    </Form>
  );
}

function Terminals() {
  const { t } = useTranslation('ops.terminals');
  const search = TerminalListSearch.parse(useSearch({ strict: false }));
  const pages = usePages(JSON.stringify(search));
  const query = useTerminals({ ...search, cursor: pages.cursor, limit: PAGE_SIZE });
  const columns = useColumns();
  return (
    <>
      <PageTitle title={t('title')} />
      <Card variant="outlined" style={{ marginBottom: 16 }}>
        <Filters search={search} />
      </Card>
      <ErrorAlert error={query.error} />
      <Table<TerminalSummary>
        rowKey="terminalId"
        loading={query.isLoading || query.isPlaceholderData}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        onRow={(r) =>
          ({ 'data-testid': `terminal-row-${r.terminalId}` }) as HTMLAttributes<HTMLElement>
        }
      />
      <Pager pages={pages} nextCursor={query.data?.nextCursor} testId="terminal-page" />
    </>
  );
}

export function ListPage() {
  return (
    <RoleGate permission="terminals">
      <Terminals />
    </RoleGate>
  );
}
