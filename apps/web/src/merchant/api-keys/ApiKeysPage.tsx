// API密钥: the merchant's secret keys (never their secrets), creating one (its secret shown once)
// and revoking one. Owners only, as the API: a cashier sees a notice and no request is made.
import { PlusOutlined } from '@ant-design/icons';
import type { ApiKeyBody, ApiKeyList } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Result,
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
import { useSession } from '../../common/session.ts';
import { CreateKeyDialog } from './CreateKeyDialog.tsx';

type Column = TableColumnsType<ApiKeyBody>[number];
const KEYS = ['merchant', 'api-keys'] as const;
const TIME = 'YYYY-MM-DD HH:mm';

function useRevoke() {
  const { t } = useTranslation('merchant.api-keys');
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: ApiKeyBody) => api.delete<null>(`/v1/merchant/api-keys/${key.id}`),
    onSuccess: (_, key) => {
      void message.success(t('revokedDone', { name: key.name }));
      void client.invalidateQueries({ queryKey: KEYS });
    },
  });
}

function useColumns(narrow: boolean, revoke: ReturnType<typeof useRevoke>): Column[] {
  const { t } = useTranslation('merchant.api-keys');
  const status: Column = {
    key: 'status',
    title: t('column.status'),
    render: (_, k) =>
      k.revokedAt ? (
        <Tag>{t('revoked', { time: dayjs(k.revokedAt).format(TIME) })}</Tag>
      ) : (
        <Tag color="success">{t('active')}</Tag>
      ),
  };
  const actions: Column = {
    key: 'actions',
    title: t('column.actions'),
    render: (_, k) => (
      <Popconfirm
        title={t('revokeConfirm', { name: k.name })}
        okText={t('revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('common:cancel')}
        onConfirm={() => revoke.mutateAsync(k)}
        disabled={k.revokedAt !== null}
      >
        <Button
          size="small"
          danger
          disabled={k.revokedAt !== null}
          data-testid={`api-key-revoke-${k.id}`}
        >
          {t('revoke')}
        </Button>
      </Popconfirm>
    ),
  };
  const name: Column = { key: 'name', title: t('column.name'), dataIndex: 'name' };
  const prefix: Column = {
    key: 'key',
    title: t('column.key'),
    render: (_, k) => <Typography.Text code>{`sk_${k.prefix}_…`}</Typography.Text>,
  };
  if (narrow) return [name, status, actions];
  return [
    name,
    prefix,
    {
      key: 'createdAt',
      title: t('column.createdAt'),
      render: (_, k) => dayjs(k.createdAt).format(TIME),
    },
    {
      key: 'lastUsedAt',
      title: t('column.lastUsedAt'),
      render: (_, k) => (k.lastUsedAt ? dayjs(k.lastUsedAt).format(TIME) : t('never')),
    },
    status,
    actions,
  ];
}

function Keys() {
  const { t } = useTranslation('merchant.api-keys');
  const client = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: KEYS,
    queryFn: () => api.get<ApiKeyList>('/v1/merchant/api-keys'),
  });
  const revoke = useRevoke();
  const columns = useColumns(narrow, revoke);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="api-key-create"
        >
          {t('create')}
        </Button>
      </Flex>
      <ErrorAlert error={query.error ?? revoke.error} />
      <Card size="small">
        <Table<ApiKeyBody>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.data ?? []}
          loading={query.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('empty')} data-testid="api-keys-empty" /> }}
          onRow={(k) => ({ 'data-testid': `api-key-row-${k.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="api-keys-table"
        />
      </Card>
      {creating && (
        <CreateKeyDialog
          onClose={() => setCreating(false)}
          onCreated={() => void client.invalidateQueries({ queryKey: KEYS })}
        />
      )}
    </Space>
  );
}

export function ApiKeysPage() {
  const { t } = useTranslation('merchant.api-keys');
  const owner = useSession().data?.role === 'owner';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {owner ? (
        <Keys />
      ) : (
        <Result status="403" subTitle={t('ownerOnly')} data-testid="owner-only" />
      )}
    </Space>
  );
}
