// 服务管理: each service with its status (an application under review folded in), the rate in
// force and those announced; 撤销服务 / 开通服务 for the owner, offered only where the API takes it.
import type { Service, ServiceBody } from '@shoudan/contracts';
import { Alert, Button, Grid, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useSession } from '../../common/session.ts';
import { testIdProps } from '../applications/format.ts';
import { useServices, type ServiceChange } from './api.ts';
import { ActionCell, RateText, StatusCell, UpcomingRates } from './ServiceCells.tsx';
import { ServiceChangeModal } from './ServiceChangeModal.tsx';
import { canActivate, canRevoke, displayStatus } from './status.ts';

type Opened = { readonly change: ServiceChange; readonly initial: readonly Service[] };
type OnChange = (change: ServiceChange, service: ServiceBody) => void;

function useColumns(owner: boolean, onChange: OnChange): TableProps<ServiceBody>['columns'] {
  const { t } = useTranslation('merchant.services');
  const wide = Grid.useBreakpoint().md === true;
  const name = {
    key: 'service',
    title: t('column.service'),
    render: (_: unknown, s: ServiceBody) => (
      <Space orientation="vertical" size={0}>
        <Typography.Text strong>{t(`name.${s.service}`)}</Typography.Text>
        {!wide && <RateText rate={s.rate} />}
        {!wide && <StatusCell service={s} />}
      </Space>
    ),
  };
  const status = {
    key: 'status',
    title: t('column.status'),
    render: (_: unknown, s: ServiceBody) => <StatusCell service={s} />,
  };
  const rate = {
    key: 'rate',
    title: t('column.rate'),
    render: (_: unknown, s: ServiceBody) => <RateText rate={s.rate} />,
  };
  const upcoming = {
    key: 'upcoming',
    title: t('column.upcoming'),
    render: (_: unknown, s: ServiceBody) => <UpcomingRates rates={s.upcomingRates} />,
  };
  const action = {
    key: 'actions',
    title: t('column.actions'),
    render: (_: unknown, s: ServiceBody) => <ActionCell service={s} onChange={onChange} />,
  };
  // A phone has room for two columns: the status goes under the name and the rate.
  const columns = wide ? [name, status, rate, upcoming] : [name];
  return owner ? [...columns, action] : columns;
}

export function ServicesPage() {
  const { t } = useTranslation('merchant.services');
  const session = useSession();
  const owner = session.data?.role === 'owner';
  const services = useServices();
  const [opened, setOpened] = useState<Opened | null>(null);
  const columns = useColumns(owner, (change, s) => setOpened({ change, initial: [s.service] }));
  const list = services.data?.data ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      {owner ? (
        <Space wrap>
          <Button
            danger
            disabled={!list.some(canRevoke)}
            onClick={() => setOpened({ change: 'revoke', initial: [] })}
            data-testid="services-revoke"
          >
            {t('revoke')}
          </Button>
          <Button
            disabled={!list.some(canActivate)}
            onClick={() => setOpened({ change: 'activate', initial: [] })}
            data-testid="services-activate"
          >
            {t('activate')}
          </Button>
        </Space>
      ) : (
        session.data && <Alert type="info" showIcon title={t('ownerOnly')} />
      )}
      <ErrorAlert error={services.error} />
      <Table<ServiceBody>
        rowKey="service"
        loading={services.isLoading}
        dataSource={list}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        onRow={(s) => testIdProps(`service-row-${s.service}`, { status: displayStatus(s) })}
      />
      {opened && (
        <ServiceChangeModal
          change={opened.change}
          services={list}
          initial={opened.initial}
          eligible={opened.change === 'revoke' ? canRevoke : canActivate}
          onClose={() => setOpened(null)}
        />
      )}
    </Space>
  );
}
