// The merchant's ledger balances: pending settlement and settled-but-not-paid-out.
import type { Balances } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatFen } from '../../common/money.ts';

export function BalancesCard() {
  const { t } = useTranslation('merchant.settlements');
  const query = useQuery({
    queryKey: ['merchant', 'balances'],
    queryFn: () => api.get<Balances>('/v1/merchant/balances'),
  });
  const data = query.data;
  return (
    <Card
      size="small"
      title={t('balances')}
      extra={
        data && (
          <Typography.Text type="secondary">
            {t('asOf', { time: dayjs(data.asOf).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )
      }
    >
      <ErrorAlert error={query.error} />
      {query.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} data-testid="balance-pending">
            <Statistic title={t('pending')} value={formatFen(BigInt(data.pendingFen))} />
            <Typography.Text type="secondary">{t('pendingHint')}</Typography.Text>
          </Col>
          <Col xs={24} sm={12} data-testid="balance-payable">
            <Statistic title={t('payable')} value={formatFen(BigInt(data.payableFen))} />
            <Typography.Text type={BigInt(data.payableFen) < 0n ? 'warning' : 'secondary'}>
              {BigInt(data.payableFen) < 0n ? t('owing') : t('payableHint')}
            </Typography.Text>
          </Col>
        </Row>
      )}
    </Card>
  );
}
