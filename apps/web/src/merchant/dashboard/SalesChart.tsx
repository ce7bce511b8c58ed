// The dashboard's bar chart of the last 30 days' sales; the tooltip shows exact amounts.
import { Empty, Skeleton } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../common/Chart.tsx';
import { formatFen } from '../../common/money.ts';
import type { DashboardDay } from '@shoudan/contracts';
import { dailySales, fenOf } from './daily-sales.ts';

// echarts is loaded with the dashboard's chart, not with the rest of the app.
const Chart = lazy(() => import('../../common/Chart.tsx').then((m) => ({ default: m.Chart })));

type TooltipParam = { readonly dataIndex: number };

export function SalesChart({ days }: { readonly days: readonly DashboardDay[] }) {
  const { t, i18n } = useTranslation('merchant.dashboard');
  const data = useMemo(() => dailySales(days), [days]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as TooltipParam | undefined;
          const day = first ? data.days[first.dataIndex] : undefined;
          if (!day) return '';
          const sales = t('tooltipSales', {
            amount: formatFen(fenOf(day.salesFen)),
            count: day.salesCount,
          });
          const refunds = t('tooltipRefunds', { amount: formatFen(fenOf(day.refundsFen)) });
          return `${day.businessDate}<br/>${sales}<br/>${refunds}`;
        },
      },
      xAxis: { type: 'category', data: data.labels, axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `¥${v}` } },
      series: [
        { type: 'bar', name: t('sales'), data: data.salesYuan, itemStyle: { color: '#c7000b' } },
      ],
    }),
    // The language is a dependency: the tooltip's and the series' words come from it.
    [data, t, i18n.language],
  );
  return (
    <>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
        <Chart option={option} ariaLabel={t('chartLabel')} data-testid="dashboard-chart" />
      </Suspense>
      {data.empty && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('chartEmpty')}
          data-testid="dashboard-chart-empty"
        />
      )}
    </>
  );
}
