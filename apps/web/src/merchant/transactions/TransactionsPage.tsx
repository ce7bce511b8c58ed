// 交易查询: the search form, one page of the merchant's transactions (keyset pages, the cursors in
// the URL so "previous" and reloads work), and the CSV export of everything the filters pick.
import { DownloadOutlined } from '@ant-design/icons';
import type { TransactionPage } from '@shoudan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { downloadHref } from '../../common/download.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import {
  dropEmpty,
  filterQuery,
  listQuery,
  nextPage,
  PAGE_SIZES,
  pageNumber,
  previousPage,
  withFilters,
  type TransactionSearch,
} from './search.ts';
import { SearchForm } from './SearchForm.tsx';
import { TransactionTable } from './TransactionTable.tsx';

type PagerProps = {
  readonly search: TransactionSearch;
  readonly nextCursor: string | null | undefined;
  readonly go: (search: TransactionSearch) => void;
};

function Pager({ search, nextCursor, go }: PagerProps) {
  const { t } = useTranslation('merchant.transactions');
  const page = pageNumber(search);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
      <Space>
        <Button
          disabled={page === 1}
          onClick={() => go(previousPage(search))}
          data-testid="txn-previous"
        >
          {t('previous')}
        </Button>
        <Typography.Text data-testid="txn-page">{t('page', { page })}</Typography.Text>
        <Button
          disabled={!nextCursor}
          onClick={() => nextCursor && go(nextPage(search, nextCursor))}
          data-testid="txn-next"
        >
          {t('next')}
        </Button>
      </Space>
      <Select
        aria-label={t('pageSizeLabel')}
        value={search.limit ?? PAGE_SIZES[0]}
        options={PAGE_SIZES.map((size) => ({ value: size, label: t('pageSize', { size }) }))}
        onChange={(limit) => go({ ...search, limit, cursors: undefined })}
        style={{ width: 140 }}
        data-testid="txn-page-size"
      />
    </Flex>
  );
}

export function TransactionsPage({ search }: { readonly search: TransactionSearch }) {
  const { t } = useTranslation('merchant.transactions');
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['merchant', 'transactions', 'list', listQuery(search)],
    queryFn: () => api.get<TransactionPage>('/v1/merchant/transactions', listQuery(search)),
    placeholderData: keepPreviousData,
  });
  const go = (next: TransactionSearch) =>
    void navigate({ to: '/merchant/transactions', search: dropEmpty(next) });
  const { from, to, kind, status, terminalId } = search;
  const filters = { from, to, kind, status, terminalId };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={downloadHref('/v1/merchant/transactions.csv', filterQuery(search))}
          download
          data-testid="txn-export-csv"
        >
          {t('exportCsv')}
        </Button>
      </Flex>
      <Card size="small">
        <SearchForm
          key={JSON.stringify(filters)}
          filters={filters}
          onSearch={(f) => go(withFilters(search, f))}
        />
      </Card>
      <ErrorAlert error={query.error} />
      <Card size="small">
        <TransactionTable rows={query.data?.data ?? []} loading={query.isFetching} />
        <Pager search={search} nextCursor={query.data?.nextCursor} go={go} />
      </Card>
    </Space>
  );
}
