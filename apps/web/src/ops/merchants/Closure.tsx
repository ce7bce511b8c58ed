// A closed merchant's closure (注销记录): what was refunded, its journal entries and each charge
// closed out. Only reviewers, finance and support (and admin) may read it.
import type { ChargeBody, ClosureBody } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { fenText, formatInstant } from '../shared/format.ts';

function useClosure(merchantId: string) {
  return useQuery({
    queryKey: ['ops', 'merchant', merchantId, 'closure'],
    queryFn: () => api.get<ClosureBody>(`/v1/ops/merchants/${merchantId}/closure`),
  });
}

function Charges({ charges }: { readonly charges: readonly ChargeBody[] }) {
  const { t } = useTranslation('ops.merchants');
  return (
    <Table<ChargeBody>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...charges]}
      columns={[
        { title: t('charges'), key: 'kind', render: (_, c) => t(`chargeKinds.${c.kind}`) },
        {
          title: t('service'),
          key: 'service',
          render: (_, c) => (c.service ? t(`ops.shared:services.${c.service}`) : '—'),
        },
        { title: t('amount'), key: 'amount', render: (_, c) => fenText(c.amountFen) },
        { title: t('refunded'), key: 'refund', render: (_, c) => fenText(c.refundFen) },
        { title: t('paidAt'), key: 'paidAt', render: (_, c) => formatInstant(c.paidAt) },
      ]}
    />
  );
}

export function Closure({ merchantId }: { readonly merchantId: string }) {
  const { t } = useTranslation('ops.merchants');
  const query = useClosure(merchantId);
  const c = query.data;
  return (
    <Card title={t('closure')} variant="outlined" loading={query.isLoading} data-testid="closure">
      <ErrorAlert error={query.error} />
      {c && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'app',
                label: t('closureApplication'),
                children: (
                  <Link to="/ops/reviews/$id" params={{ id: c.applicationId }}>
                    {c.applicationNo ?? c.applicationId}
                  </Link>
                ),
              },
              { key: 'at', label: t('closedAt'), children: formatInstant(c.closedAt) },
              { key: 'deposit', label: t('depositRefund'), children: fenText(c.depositRefundFen) },
              { key: 'fee', label: t('feeRefund'), children: fenText(c.feeRefundFen) },
              { key: 'earned', label: t('feeEarned'), children: fenText(c.feeEarnedFen) },
              { key: 'refund', label: t('refund'), children: fenText(c.refundFen) },
              { key: 'entries', label: t('entries'), children: c.journalEntryIds.length },
            ]}
          />
          {c.charges.length > 0 && <Charges charges={c.charges} />}
        </>
      )}
    </Card>
  );
}
