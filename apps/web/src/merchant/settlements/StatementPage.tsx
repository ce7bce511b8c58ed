// One business date's settlement statement (结算对账单): what was settled, the lines that add up to
// the net (checked here too), and the CSV and PDF downloads. Owners only, as the API.
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { isBusinessDate, type StatementBody } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { downloadHref } from '../../common/download.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatFen } from '../../common/money.ts';
import { OwnerOnly } from './OwnerOnly.tsx';
import { statementTotals } from './statement.ts';
import { StatementLines } from './StatementLines.tsx';

const money = (fen: string | bigint) => formatFen(BigInt(fen));

function Summary({ statement }: { readonly statement: StatementBody }) {
  const { t } = useTranslation('merchant.settlements');
  const totals = statementTotals(statement);
  const sum = formatFen(totals.linesNetFen);
  const items = [
    { key: 'merchantNo', label: t('statement.merchantNo'), children: statement.merchantNo },
    { key: 'businessDate', label: t('column.businessDate'), children: statement.businessDate },
    { key: 'mode', label: t('column.mode'), children: t(`mode.${statement.settlementMode}`) },
    { key: 'payableDate', label: t('column.payableDate'), children: statement.payableDate },
    {
      key: 'sales',
      label: t('statement.salesLine', { count: totals.salesCount }),
      children: money(totals.salesFen),
    },
    {
      key: 'refunds',
      label: t('statement.refundsLine', { count: totals.refundsCount }),
      children: money(totals.refundsFen),
    },
    { key: 'fee', label: t('column.fee'), children: money(totals.feeFen) },
    { key: 'd0Fee', label: t('column.d0Fee'), children: money(totals.d0FeeFen) },
    { key: 'carriedIn', label: t('column.carriedIn'), children: money(totals.carriedInFen) },
    { key: 'net', label: t('column.net'), children: <strong>{money(statement.netFen)}</strong> },
    { key: 'payout', label: t('column.payout'), children: money(statement.payoutFen) },
    { key: 'carriedOut', label: t('column.carriedOut'), children: money(statement.carriedOutFen) },
  ];
  return (
    <Card size="small">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 4, xxl: 4 }}
        items={items}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="statement-summary"
      />
      <Alert
        style={{ marginTop: 12 }}
        type={totals.addsUp ? 'success' : 'error'}
        showIcon
        role={totals.addsUp ? 'status' : 'alert'}
        title={
          totals.addsUp
            ? t('statement.addsUp', { sum })
            : t('statement.mismatch', { sum, net: money(statement.netFen) })
        }
        data-testid="statement-adds-up"
      />
    </Card>
  );
}

function Downloads({ businessDate }: { readonly businessDate: string }) {
  const { t } = useTranslation('merchant.settlements');
  const base = `/v1/merchant/statements/${businessDate}`;
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        href={downloadHref(`${base}.csv`)}
        download
        data-testid="statement-download-csv"
      >
        {t('statement.downloadCsv')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        href={downloadHref(`${base}.pdf`)}
        download
        data-testid="statement-download-pdf"
      >
        {t('statement.downloadPdf')}
      </Button>
    </Space>
  );
}

function Statement({ businessDate }: { readonly businessDate: string }) {
  const { t } = useTranslation('merchant.settlements');
  const valid = isBusinessDate(businessDate);
  const query = useQuery({
    queryKey: ['merchant', 'statements', businessDate],
    queryFn: () => api.get<StatementBody>(`/v1/merchant/statements/${businessDate}`),
    enabled: valid,
  });
  const notFound = !valid || (query.error instanceof ApiError && query.error.status === 404);
  if (notFound) {
    return <Result status="404" subTitle={t('statement.notFound', { date: businessDate })} />;
  }
  const statement = query.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={query.error} />
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {statement && (
        <>
          <Downloads businessDate={businessDate} />
          <Summary statement={statement} />
          <Card size="small" title={t('statement.lines')}>
            <StatementLines lines={statement.lines} totals={statementTotals(statement)} />
          </Card>
        </>
      )}
    </Space>
  );
}

export function StatementPage({ businessDate }: { readonly businessDate: string }) {
  const { t } = useTranslation('merchant.settlements');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="statement-title">
          {t('statement.title', { date: businessDate })}
        </Typography.Title>
        <Link to="/merchant/settlements" data-testid="statement-back">
          <ArrowLeftOutlined /> {t('statement.back')}
        </Link>
      </Flex>
      <OwnerOnly notice={t('ownerOnly')}>
        <Statement businessDate={businessDate} />
      </OwnerOnly>
    </Space>
  );
}
