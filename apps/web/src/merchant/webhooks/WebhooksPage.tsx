// Webhooks (owner only): the merchant's endpoints with their events and status; add one (its
// secret shown once), disable one, and read one's delivery log. A cashier is told, not refused.
import { PlusOutlined } from '@ant-design/icons';
import type { WebhookEndpoint } from '@shoudan/contracts';
import {
  App,
  Button,
  Grid,
  Popconfirm,
  Result,
  Space,
  Table,
  Tag,
  Typography,
  type ButtonProps,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useSession } from '../../common/session.ts';
import { instantText, testIdProps } from '../applications/format.ts';
import { AddEndpointModal } from './AddEndpoint.tsx';
import { useDisableEndpoint, useEndpoints } from './api.ts';
import { DeliveriesDrawer } from './Deliveries.tsx';

const DISABLE_OK = { danger: true, 'data-testid': 'webhook-disable-confirm' } as ButtonProps;

function Actions(props: { readonly endpoint: WebhookEndpoint; readonly onLog: () => void }) {
  const { t } = useTranslation('merchant.webhooks');
  const { message } = App.useApp();
  const disable = useDisableEndpoint();
  const { endpoint } = props;
  return (
    <Space wrap size={4}>
      <Button size="small" onClick={props.onLog} data-testid={`webhook-deliveries-${endpoint.id}`}>
        {t('deliveries')}
      </Button>
      {endpoint.status === 'active' && (
        <Popconfirm
          title={t('disableTitle')}
          description={t('disableBody')}
          okText={t('disable')}
          cancelText={t('common:cancel')}
          okButtonProps={DISABLE_OK}
          onConfirm={() =>
            disable.mutate(endpoint.id, { onSuccess: () => void message.success(t('disabled')) })
          }
        >
          <Button
            size="small"
            danger
            loading={disable.isPending}
            data-testid={`webhook-disable-${endpoint.id}`}
          >
            {t('disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function useColumns(onLog: (e: WebhookEndpoint) => void): TableProps<WebhookEndpoint>['columns'] {
  const { t } = useTranslation('merchant.webhooks');
  const wide = Grid.useBreakpoint().md === true;
  const url = {
    key: 'url',
    title: t('column.url'),
    render: (_: unknown, e: WebhookEndpoint) => (
      <Space orientation="vertical" size={2} style={{ maxWidth: wide ? 360 : 200 }}>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>{e.url}</Typography.Text>
        <Tag color={e.status === 'active' ? 'success' : 'default'}>{t(`status.${e.status}`)}</Tag>
      </Space>
    ),
  };
  const events = {
    key: 'events',
    title: t('column.events'),
    render: (_: unknown, e: WebhookEndpoint) => e.events.map((ev) => <Tag key={ev}>{ev}</Tag>),
  };
  const created = {
    key: 'createdAt',
    title: t('column.createdAt'),
    render: (_: unknown, e: WebhookEndpoint) => instantText(e.createdAt),
  };
  const actions = {
    key: 'actions',
    title: t('column.actions'),
    render: (_: unknown, e: WebhookEndpoint) => <Actions endpoint={e} onLog={() => onLog(e)} />,
  };
  return wide ? [url, events, created, actions] : [url, actions];
}

export function WebhooksPage() {
  const { t } = useTranslation('merchant.webhooks');
  const session = useSession();
  const owner = session.data?.role === 'owner';
  const endpoints = useEndpoints(owner);
  const [adding, setAdding] = useState(false);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const columns = useColumns(setLog);
  if (session.data && !owner) return <Result status="403" title={t('ownerOnly')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="webhook-add"
        >
          {t('add')}
        </Button>
      </div>
      <ErrorAlert error={endpoints.error} />
      <Table<WebhookEndpoint>
        rowKey="id"
        loading={endpoints.isLoading}
        dataSource={endpoints.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        onRow={(e) => testIdProps(`webhook-row-${e.id}`, { status: e.status })}
      />
      {adding && <AddEndpointModal onClose={() => setAdding(false)} />}
      <DeliveriesDrawer endpoint={log} onClose={() => setLog(null)} />
    </Space>
  );
}
