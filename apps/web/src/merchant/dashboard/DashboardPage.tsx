// The merchant's dashboard (首页): the open business date, today's sales, voids, refunds and net,
// what is pending settlement, and a chart of the last 30 days' sales.
import type { MerchantDashboard } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatFen } from '../../common/money.ts';
import { fenOf } from './daily-sales.ts';
import { SalesChart } from './SalesChart.tsx';

export const dashboardQuery = {
  queryKey: ['merchant', 'dashboard'],
  queryFn: () => api.get<MerchantDashboard>('/v1/merchant/dashboard'),
} as const;

type FigureProps = {
  readonly testId: string;
  readonly title: ReactNode;
  readonly fen: string;
  readonly count?: number;
};

function Figure({ testId, title, fen, count }: FigureProps) {
  const { t } = useTranslation('merchant.dashboard');
  return (
    <div data-testid={testId}>
      <Statistic title={title} value={formatFen(fenOf(fen))} />
      {count !== undefined && (
        <Typography.Text type="secondary">{t('count', { count })}</Typography.Text>
      )}
    </div>
  );
}

function TodayCard({ data }: { readonly data: MerchantDashboard }) {
  const { t } = useTranslation('merchant.dashboard');
  const { today } = data;
  const day = data.businessDate;
  return (
    <Card
      title={t('today')}
      extra={
        <Link to="/merchant/transactions" search={{ from: day, to: day }}>
          {t('viewTransactions')}
        </Link>
      }
      style={{ height: '100%' }}
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Figure
            testId="dashboard-today-sales"
            title={t('sales')}
            fen={today.salesFen}
            count={today.salesCount}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            testId="dashboard-today-voids"
            title={t('voids')}
            fen={today.voidsFen}
            count={today.voidsCount}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure
            testId="dashboard-today-refunds"
            title={t('refunds')}
            fen={today.refundsFen}
            count={today.refundsCount}
          />
        </Col>
        <Col xs={12} md={6}>
          <Figure testId="dashboard-today-net" title={t('net')} fen={today.netFen} />
          <Typography.Text type="secondary">{t('netHint')}</Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

/** Owners only: the API gives a cashier no balance (null). */
function PendingCard({ fen }: { readonly fen: string }) {
  const { t } = useTranslation('merchant.dashboard');
  return (
    <Card
      title={t('pendingSettlement')}
      extra={<Link to="/merchant/settlements">{t('viewSettlements')}</Link>}
      style={{ height: '100%' }}
    >
      <Figure testId="dashboard-pending-settlement" title={null} fen={fen} />
      <Typography.Text type="secondary">{t('pendingSettlementHint')}</Typography.Text>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('merchant.dashboard');
  const query = useQuery(dashboardQuery);
  const data = query.data;
  const pending = data?.pendingSettlementFen ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {data && (
          <Typography.Text type="secondary" data-testid="dashboard-business-date">
            {t('businessDate', { date: data.businessDate })}
          </Typography.Text>
        )}
      </Space>
      {query.isError && (
        <>
          <ErrorAlert error={query.error} />
          <Button onClick={() => void query.refetch()}>{t('common:retry')}</Button>
        </>
      )}
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={pending === null ? 24 : 16}>
              <TodayCard data={data} />
            </Col>
            {pending !== null && (
              <Col xs={24} lg={8}>
                <PendingCard fen={pending} />
              </Col>
            )}
          </Row>
          <Card title={t('chartTitle')}>
            <SalesChart days={data.days} />
          </Card>
        </>
      )}
    </Space>
  );
}
