// Merchant search (商户查询): by merchant number prefix or a part of the name, and status; keyset
// pages in merchant number order; each row opens the merchant's page.
import { MerchantStatus, type MerchantSummary } from '@shoudan/contracts';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Card, Form, Grid, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useMerchantSearch } from '../shared/api.ts';
import { formatInstant } from '../shared/format.ts';
import { Pager, usePages } from '../shared/Pager.tsx';
import { SearchBox } from '../shared/SearchBox.tsx';
import { SearchText } from '../shared/rules.ts';
import { PageTitle, RoleGate, StatusTag } from '../shared/ui.tsx';

export const MerchantListSearch = z.object({
  q: SearchText,
  status: MerchantStatus.optional().catch(undefined),
});
type MerchantListSearch = z.infer<typeof MerchantListSearch>;

const PAGE_SIZE = 20;

function useColumns(): ColumnsType<MerchantSummary> {
  const { t } = useTranslation('ops.merchants');
  const wide = Grid.useBreakpoint().md;
  const name = (m: MerchantSummary) => (
    <Link
      to="/ops/merchants/$id"
      params={{ id: m.id }}
      data-testid={`merchant-open-${m.merchantNo}`}
    >
      {m.name}
    </Link>
  );
  return [
    {
      title: t('merchantNo'),
      dataIndex: 'merchantNo',
      render: (no: string) => <Typography.Text code>{no}</Typography.Text>,
    },
    { title: t('name'), key: 'name', render: (_, m) => name(m) },
    {
      title: t('status'),
      key: 'status',
      render: (_, m) => <StatusTag group="merchantStatuses" status={m.status} />,
    },
    ...(wide
      ? [
          { title: t('terminalCount'), dataIndex: 'terminalCount', align: 'right' as const },
          {
            title: t('createdAt'),
            key: 'createdAt',
            render: (_: unknown, m: MerchantSummary) => formatInstant(m.createdAt),
          },
        ]
      : []),
  ];
}

function Filters({ search }: { readonly search: MerchantListSearch }) {
  const { t } = useTranslation('ops.merchants');
  const navigate = useNavigate();
  const go = (next: Partial<MerchantListSearch>) =>
    void navigate({ to: '/ops/merchants', search: { ...search, ...next } });
  return (
    <Form layout="vertical" style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      <Form.Item
        label={t('search')}
        htmlFor="merchant-search"
        style={{ flex: '1 1 260px', marginBottom: 0 }}
      >
        <SearchBox
          initial={search.q}
          placeholder={t('searchPlaceholder')}
          onSearch={(q) => go({ q })}
          testId="merchant-search"
          id="merchant-search"
        />
      </Form.Item>
      <Form.Item
        label={t('status')}
        htmlFor="merchant-filter-status"
        style={{ minWidth: 160, marginBottom: 0 }}
      >
        <Select
          value={search.status ?? 'all'}
          onChange={(s: string) => go({ status: s === 'all' ? undefined : (s as never) })}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...MerchantStatus.options.map((s) => ({
              value: s,
              label: t(`ops.shared:merchantStatuses.${s}`),
            })),
          ]}
          id="merchant-filter-status"
          data-testid="merchant-filter-status"
        />
      </Form.Item>
    </Form>
  );
}

function Merchants() {
  const { t } = useTranslation('ops.merchants');
  const search = MerchantListSearch.parse(useSearch({ strict: false }));
  const pages = usePages(JSON.stringify(search));
  const query = useMerchantSearch({ ...search, cursor: pages.cursor, limit: PAGE_SIZE });
  const columns = useColumns();
  return (
    <>
      <PageTitle title={t('title')} />
      <Card variant="outlined" style={{ marginBottom: 16 }}>
        <Filters search={search} />
      </Card>
      <ErrorAlert error={query.error} />
      <Table<MerchantSummary>
        rowKey="id"
        loading={query.isLoading || query.isPlaceholderData}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        onRow={(m) =>
          ({ 'data-testid': `merchant-row-${m.merchantNo}` }) as HTMLAttributes<HTMLElement>
        }
      />
      <Pager pages={pages} nextCursor={query.data?.nextCursor} testId="merchant-page" />
    </>
  );
}

export function ListPage() {
  return (
    <RoleGate permission="merchants">
      <Merchants />
    </RoleGate>
  );
}
