// One endpoint's delivery log, newest first: event, status, attempts and the last answer.
import type { WebhookDelivery, WebhookEndpoint } from '@shoudan/contracts';
import { Drawer, Grid, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { instantText, testIdProps } from '../applications/format.ts';
import { useDeliveries } from './api.ts';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = {
  pending: 'processing',
  delivered: 'success',
  failed: 'error',
};

function ResultCell({ delivery }: { readonly delivery: WebhookDelivery }) {
  const { t } = useTranslation('merchant.webhooks');
  const answer = delivery.lastStatusCode !== null ? `HTTP ${delivery.lastStatusCode}` : '';
  return (
    <div style={{ maxWidth: 280, overflowWrap: 'anywhere' }}>
      {answer}
      {delivery.lastError && <Typography.Text type="danger"> {delivery.lastError}</Typography.Text>}
      {delivery.nextAttemptAt && (
        <div>
          <Typography.Text type="secondary">
            {t('delivery.nextAttemptAt', { at: instantText(delivery.nextAttemptAt) })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** A phone has room for two columns: the event with its status, the attempts with the answer. */
function narrowColumns(t: TFunction): TableProps<WebhookDelivery>['columns'] {
  return [
    {
      key: 'event',
      title: t('delivery.event'),
      render: (_: unknown, d: WebhookDelivery) => (
        <Space orientation="vertical" size={2}>
          <span style={{ overflowWrap: 'anywhere' }}>{d.event}</span>
          <Tag color={STATUS_COLOR[d.status]}>{t(`deliveryStatus.${d.status}`)}</Tag>
          <Typography.Text type="secondary">{instantText(d.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'result',
      title: t('delivery.result'),
      render: (_: unknown, d: WebhookDelivery) => (
        <>
          <div>{t('delivery.attemptsText', { count: d.attempts })}</div>
          <ResultCell delivery={d} />
        </>
      ),
    },
  ];
}

function useColumns(): TableProps<WebhookDelivery>['columns'] {
  const { t } = useTranslation('merchant.webhooks');
  const wide = Grid.useBreakpoint().md === true;
  const columns: TableProps<WebhookDelivery>['columns'] = [
    { key: 'event', title: t('delivery.event'), dataIndex: 'event' },
    {
      key: 'status',
      title: t('delivery.status'),
      render: (_: unknown, d: WebhookDelivery) => (
        <Tag color={STATUS_COLOR[d.status]}>{t(`deliveryStatus.${d.status}`)}</Tag>
      ),
    },
    { key: 'attempts', title: t('delivery.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      key: 'result',
      title: t('delivery.result'),
      render: (_: unknown, d: WebhookDelivery) => <ResultCell delivery={d} />,
    },
  ];
  if (!wide) return narrowColumns(t);
  const created = {
    key: 'createdAt',
    title: t('delivery.createdAt'),
    render: (_: unknown, d: WebhookDelivery) => instantText(d.createdAt),
  };
  return [created, ...columns];
}

export function DeliveriesDrawer(props: {
  readonly endpoint: WebhookEndpoint | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('merchant.webhooks');
  const wide = Grid.useBreakpoint().md === true;
  const deliveries = useDeliveries(props.endpoint?.id ?? null);
  const columns = useColumns();
  return (
    <Drawer
      open={props.endpoint !== null}
      onClose={props.onClose}
      size={wide ? 760 : '100%'}
      title={t('deliveriesTitle', { url: props.endpoint?.url ?? '' })}
      destroyOnHidden
    >
      <ErrorAlert error={deliveries.error} />
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deliveriesEmpty') }}
        onRow={(d) => testIdProps(`webhook-delivery-${d.id}`, { status: d.status })}
      />
    </Drawer>
  );
}
