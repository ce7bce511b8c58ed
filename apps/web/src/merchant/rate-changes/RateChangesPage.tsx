// 费率变更: every rate change announced to the merchant (upcoming, in force, past), latest effective
// time first, with the rate it replaces; upcoming ones are called out at the top.
import type { MerchantRateChange, MerchantRateChangeList } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Empty,
  Flex,
  Grid,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { rateText, upcomingOf, type RateState } from './rate-history.ts';

type Column = TableColumnsType<MerchantRateChange>[number];
const TIME = 'YYYY-MM-DD HH:mm';
const STATES: readonly RateState[] = ['upcoming', 'in_force', 'superseded'];
const STATE_COLOR: Record<RateState, string> = {
  upcoming: 'processing',
  in_force: 'success',
  superseded: 'default',
};

function useRate() {
  const { t } = useTranslation('merchant.rate-changes');
  return (rateBps: number, capFen: string | null) => {
    const { rate, cap } = rateText(rateBps, capFen);
    return cap === null ? rate : t('capped', { rate, cap });
  };
}

function useColumns(narrow: boolean): Column[] {
  const { t } = useTranslation('merchant.rate-changes');
  const rate = useRate();
  const serviceText = (c: MerchantRateChange) =>
    t(`merchant.transactions:service.${c.service}`, { defaultValue: c.service });
  const stateTag = (c: MerchantRateChange) => (
    <Tag color={STATE_COLOR[c.state]}>{t(`state.${c.state}`)}</Tag>
  );
  const service: Column = {
    key: 'service',
    title: t('column.service'),
    render: (_, c) => serviceText(c),
  };
  const state: Column = { key: 'state', title: t('column.state'), render: (_, c) => stateTag(c) };
  const newRate: Column = {
    key: 'rate',
    title: t('column.rate'),
    render: (_, c) => <Typography.Text strong>{rate(c.rateBps, c.capFen)}</Typography.Text>,
  };
  const previous: Column = {
    key: 'previous',
    title: t('column.previous'),
    render: (_, c) => (c.previousRate ? rate(c.previousRate.rateBps, c.previousRate.capFen) : '—'),
  };
  const effective: Column = {
    key: 'effectiveFrom',
    title: t('column.effectiveFrom'),
    render: (_, c) => dayjs(c.effectiveFrom).format(TIME),
  };
  if (narrow) {
    const serviceAndState: Column = {
      key: 'service',
      title: t('column.service'),
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          {serviceText(c)}
          {stateTag(c)}
        </Space>
      ),
    };
    const rateAndTime: Column = {
      key: 'rate',
      title: t('column.rate'),
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{rate(c.rateBps, c.capFen)}</Typography.Text>
          <Typography.Text type="secondary">
            {t('column.effectiveFrom')} {dayjs(c.effectiveFrom).format(TIME)}
          </Typography.Text>
        </Space>
      ),
    };
    return [serviceAndState, rateAndTime];
  }
  return [
    service,
    newRate,
    previous,
    effective,
    state,
    { key: 'scope', title: t('column.scope'), render: (_, c) => t(`scope.${c.scope}`) },
    {
      key: 'announcedAt',
      title: t('column.announcedAt'),
      render: (_, c) => dayjs(c.announcedAt).format(TIME),
    },
    { key: 'applicationNo', title: t('column.applicationNo'), dataIndex: 'applicationNo' },
  ];
}

function UpcomingAlert({ changes }: { readonly changes: readonly MerchantRateChange[] }) {
  const { t } = useTranslation('merchant.rate-changes');
  const { count, first } = upcomingOf(changes);
  if (!first) return null;
  const time = dayjs(first.effectiveFrom).format(TIME);
  return (
    <Alert
      type="info"
      showIcon
      title={t('upcoming', { count, time })}
      data-testid="rate-upcoming"
    />
  );
}

export function RateChangesPage() {
  const { t } = useTranslation('merchant.rate-changes');
  const narrow = !Grid.useBreakpoint().md;
  const [shown, setShown] = useState<RateState | 'all'>('all');
  const query = useQuery({
    queryKey: ['merchant', 'rate-changes'],
    queryFn: () => api.get<MerchantRateChangeList>('/v1/merchant/rate-changes'),
  });
  const all = query.data?.data ?? [];
  const rows = shown === 'all' ? all : all.filter((c) => c.state === shown);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Segmented<RateState | 'all'>
          aria-label={t('filter')}
          value={shown}
          onChange={setShown}
          options={[
            { value: 'all', label: t('all') },
            ...STATES.map((s) => ({ value: s, label: t(`state.${s}`) })),
          ]}
          data-testid="rate-filter"
        />
      </Flex>
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      <ErrorAlert error={query.error} />
      <UpcomingAlert changes={all} />
      <Card size="small">
        <Table<MerchantRateChange>
          rowKey="id"
          columns={useColumns(narrow)}
          dataSource={rows}
          loading={query.isPending}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('empty')} data-testid="rate-empty" /> }}
          onRow={(c) => ({ 'data-testid': `rate-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="rate-table"
        />
      </Card>
    </Space>
  );
}
