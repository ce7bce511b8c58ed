// The terminal inventory (库存): devices by status, newest first; add a device in stock, and ship
// one allocated at an onboarding's approval with its carrier and tracking number (邮寄).
import { PlusOutlined } from '@ant-design/icons';
import { InventoryStatus, type DeviceBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Button, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';
import { useInventory } from './api.ts';
import { AddDeviceDialog, ShipDialog } from './dialogs.tsx';

function Where({ device }: { readonly device: DeviceBody }) {
  const { t } = useTranslation('ops.inventory');
  if (!device.terminalId) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {t('terminal')} <Typography.Text code>{device.terminalId}</Typography.Text>
      </span>
      {device.merchantId && <MerchantLink id={device.merchantId} />}
      {device.applicationId && (
        <Link to="/ops/reviews/$id" params={{ id: device.applicationId }}>
          {t('openApplication')}
        </Link>
      )}
    </Space>
  );
}

const STATUS_COLORS: Record<string, string> = {
  in_stock: 'default',
  allocated: 'orange',
  shipped: 'blue',
  delivered: 'green',
};

function useColumns(onShip: (d: DeviceBody) => void): ColumnsType<DeviceBody> {
  const { t } = useTranslation('ops.inventory');
  const wide = Grid.useBreakpoint().md;
  const shipping = (d: DeviceBody) =>
    d.trackingNo ? `${d.carrier ?? ''} ${d.trackingNo}` : formatInstant(d.addedAt);
  return [
    {
      title: t('serialNo'),
      key: 'serialNo',
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{d.serialNo}</Typography.Text>
          <Typography.Text type="secondary">{d.model}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('status'),
      key: 'status',
      render: (_, d) => (
        <Tag color={STATUS_COLORS[d.status]} data-status={d.status}>
          {t(`statuses.${d.status}`)}
        </Tag>
      ),
    },
    ...(wide
      ? [
          {
            title: t('merchant'),
            key: 'where',
            render: (_: unknown, d: DeviceBody) => <Where device={d} />,
          },
          {
            title: `${t('shipping')} / ${t('addedAt')}`,
            key: 'shipping',
            render: (_: unknown, d: DeviceBody) => shipping(d),
          },
        ]
      : []),
    {
      title: '',
      key: 'ship',
      render: (_, d) =>
        d.status === 'allocated' ? (
          <Button
            size="small"
            type="primary"
            onClick={() => onShip(d)}
            data-testid={`inventory-ship-${d.serialNo}`}
          >
            {t('ship')}
          </Button>
        ) : null,
    },
  ];
}

function Inventory() {
  const { t } = useTranslation('ops.inventory');
  const [status, setStatus] = useState<string>('all');
  const [adding, setAdding] = useState(false);
  const [shipping, setShipping] = useState<DeviceBody>();
  const query = useInventory(status === 'all' ? undefined : status);
  const columns = useColumns(setShipping);
  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="inventory-add"
          >
            {t('add')}
          </Button>
        }
      />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...InventoryStatus.options.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
          data-testid="inventory-filter-status"
        />
      </div>
      <ErrorAlert error={query.error} />
      <Table<DeviceBody>
        rowKey="serialNo"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('empty') }}
        onRow={(d) =>
          ({ 'data-testid': `inventory-row-${d.serialNo}` }) as HTMLAttributes<HTMLElement>
        }
      />
      <AddDeviceDialog open={adding} onClose={() => setAdding(false)} />
      <ShipDialog device={shipping} onClose={() => setShipping(undefined)} />
    </>
  );
}

export function InventoryPage() {
  return (
    <RoleGate permission="inventory">
      <Inventory />
    </RoleGate>
  );
}
