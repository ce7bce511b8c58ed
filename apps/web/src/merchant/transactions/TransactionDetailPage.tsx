// One transaction with every field the API gives (the card number only masked), a link to the sale
// a void or refund is of, and a link to open a support ticket (工单) about it.
import { ArrowLeftOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import type { TransactionBody } from '@shoudan/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Flex, Result, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatBp, formatFen } from '../../common/money.ts';
import { KindTag, StatusTag, useLabel } from './labels.tsx';

const TIME = 'YYYY-MM-DD HH:mm:ss';

function useItems(tx: TransactionBody) {
  const { t } = useTranslation('merchant.transactions');
  const service = useLabel('service');
  const method = useLabel('method');
  const outcome = useLabel('outcome');
  const items = [
    { key: 'kind', label: t('column.kind'), children: <KindTag kind={tx.kind} /> },
    { key: 'status', label: t('column.status'), children: <StatusTag status={tx.status} /> },
    { key: 'amount', label: t('column.amount'), children: formatFen(BigInt(tx.amountFen)) },
    { key: 'fee', label: t('column.fee'), children: formatFen(BigInt(tx.feeFen)) },
    { key: 'feeRate', label: t('detail.feeRate'), children: formatBp(tx.feeRateBps) },
    { key: 'createdAt', label: t('column.createdAt'), children: dayjs(tx.createdAt).format(TIME) },
    { key: 'businessDate', label: t('column.businessDate'), children: tx.businessDate },
    { key: 'service', label: t('detail.service'), children: service(tx.service) },
    { key: 'method', label: t('detail.method'), children: method(tx.paymentMethod) },
    { key: 'pan', label: t('detail.pan'), children: tx.panMasked ?? '—' },
    { key: 'cardOrg', label: t('detail.cardOrg'), children: tx.cardOrg ?? '—' },
    { key: 'terminal', label: t('column.terminal'), children: tx.terminalId },
    { key: 'batch', label: t('detail.batch'), children: tx.batchNo },
    { key: 'voucher', label: t('column.voucher'), children: tx.voucherNo },
    { key: 'rrn', label: t('column.rrn'), children: tx.rrn },
    { key: 'authCode', label: t('detail.authCode'), children: tx.authCode ?? '—' },
    {
      key: 'id',
      label: t('detail.id'),
      children: <Typography.Text copyable>{tx.id}</Typography.Text>,
    },
  ];
  if (tx.kind === 'sale') {
    items.push({
      key: 'refunded',
      label: t('detail.refunded'),
      children: formatFen(BigInt(tx.refundedFen)),
    });
  }
  if (tx.outcomeCode !== null) {
    items.push({ key: 'outcome', label: t('detail.outcome'), children: outcome(tx.outcomeCode) });
  }
  if (tx.closedAt !== null) {
    const closedAt = dayjs(tx.closedAt).format(TIME);
    items.push({ key: 'closedAt', label: t('detail.closedAt'), children: closedAt });
  }
  if (tx.originalId !== null) {
    items.push({
      key: 'original',
      label: t('detail.original'),
      children: (
        <Link
          to="/merchant/transactions/$id"
          params={{ id: tx.originalId }}
          data-testid="txn-original"
        >
          {t('detail.openOriginal')}
        </Link>
      ),
    });
  }
  return items;
}

function Detail({ tx }: { readonly tx: TransactionBody }) {
  const { t } = useTranslation('merchant.transactions');
  const items = useItems(tx);
  return (
    <Card
      title={`${t(`kind.${tx.kind}`)} ${formatFen(BigInt(tx.amountFen))}`}
      actions={[
        <Link
          key="ticket"
          to="/merchant/tickets/new"
          search={{ transactionId: tx.id }}
          data-testid="txn-open-ticket"
        >
          <CustomerServiceOutlined /> {t('detail.ticket')}
        </Link>,
      ]}
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        items={items}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="txn-detail"
      />
    </Card>
  );
}

export function TransactionDetailPage({ id }: { readonly id: string }) {
  const { t } = useTranslation('merchant.transactions');
  const query = useQuery({
    queryKey: ['merchant', 'transactions', 'one', id],
    queryFn: () => api.get<TransactionBody>(`/v1/merchant/transactions/${encodeURIComponent(id)}`),
  });
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('detail.title')}
        </Typography.Title>
        <Link to="/merchant/transactions" data-testid="txn-back">
          <ArrowLeftOutlined /> {t('detail.back')}
        </Link>
      </Flex>
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {notFound ? (
        <Result status="404" title={t('detail.notFound')} />
      ) : (
        <ErrorAlert error={query.error} />
      )}
      {query.data && <Detail tx={query.data} />}
    </Space>
  );
}
