// Rate changes (费率调整): every proposal by status, newest first, with what it changes and from
// when; one's own proposal may be withdrawn before review, another's opens its review page.
// Ops and finance propose (the drawer); the notice period is respected by the date picker.
import { PlusOutlined } from '@ant-design/icons';
import { ApplicationStatus, type ApplicationBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { App, Button, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { formatBp } from '../../common/money.ts';
import { fenText, formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { isOwn } from '../shared/roles.ts';
import { ApplicationStatusTag, PageTitle, RoleGate, useMay, useStaff } from '../shared/ui.tsx';
import { useRateChanges, useWithdraw } from './api.ts';
import { ProposeDrawer } from './ProposeDrawer.tsx';

type Payload = {
  feePlanId?: string | null;
  merchantId?: string | null;
  service?: string;
  rateBps?: number;
  capFen?: string | null;
  effectiveFrom?: string;
};

function Target({ change }: { readonly change: ApplicationBody }) {
  const { t } = useTranslation('ops.rate-changes');
  const p = change.payload as Payload;
  if (p.merchantId) return <MerchantLink id={p.merchantId} />;
  return <>{t('plan', { id: (p.feePlanId ?? '').slice(0, 8) })}</>;
}

function Rate({ change }: { readonly change: ApplicationBody }) {
  const { t } = useTranslation('ops.rate-changes');
  const p = change.payload as Payload;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {t(`ops.shared:services.${p.service ?? ''}`, { defaultValue: p.service })}{' '}
        <Typography.Text strong>{formatBp(p.rateBps)}</Typography.Text>
      </span>
      {p.capFen ? (
        <Typography.Text type="secondary">{t('cap', { cap: fenText(p.capFen) })}</Typography.Text>
      ) : null}
    </Space>
  );
}

function Actions({ change }: { readonly change: ApplicationBody }) {
  const { t } = useTranslation('ops.rate-changes');
  const { modal, message } = App.useApp();
  const staff = useStaff();
  const withdraw = useWithdraw();
  const no = change.applicationNo;
  if (change.status === 'submitted' && isOwn(change, staff.userId)) {
    const onOk = () =>
      withdraw.mutate(change.id, {
        onSuccess: () => void message.success(t('withdrawn', { no })),
        onError: (error) => void message.error(error.message),
      });
    return (
      <Button
        size="small"
        loading={withdraw.isPending}
        onClick={() =>
          modal.confirm({
            title: t('confirmWithdraw', { no }),
            okText: t('common:confirm'),
            cancelText: t('common:cancel'),
            onOk,
          })
        }
        data-testid={`rate-withdraw-${change.id}`}
      >
        {t('withdraw')}
      </Button>
    );
  }
  return (
    <Link to="/ops/reviews/$id" params={{ id: change.id }} data-testid={`review-open-${change.id}`}>
      {change.status === 'submitted' ? t('review') : t('view')}
    </Link>
  );
}

function Summary({ change }: { readonly change: ApplicationBody }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text code>{change.applicationNo}</Typography.Text>
      <Rate change={change} />
      <Typography.Text type="secondary">
        {formatInstant((change.payload as Payload).effectiveFrom)}
      </Typography.Text>
    </Space>
  );
}

function useColumns(): ColumnsType<ApplicationBody> {
  const { t } = useTranslation('ops.rate-changes');
  const wide = Grid.useBreakpoint().md;
  const staff = useStaff();
  const status = {
    title: t('status'),
    key: 'status',
    render: (_: unknown, c: ApplicationBody) => <ApplicationStatusTag status={c.status} />,
  };
  const actions = {
    title: '',
    key: 'actions',
    render: (_: unknown, c: ApplicationBody) => <Actions change={c} />,
  };
  if (!wide) {
    const summary = {
      title: t('rate'),
      key: 'summary',
      render: (_: unknown, c: ApplicationBody) => <Summary change={c} />,
    };
    return [summary, status, actions];
  }
  return [
    {
      title: t('applicationNo'),
      key: 'no',
      render: (_, c) => (
        <Space size={4}>
          <Typography.Text code>{c.applicationNo}</Typography.Text>
          {isOwn(c, staff.userId) && <Tag>{t('ops.shared:me')}</Tag>}
        </Space>
      ),
    },
    { title: t('target'), key: 'target', render: (_, c) => <Target change={c} /> },
    { title: t('rate'), key: 'rate', render: (_, c) => <Rate change={c} /> },
    {
      title: t('effectiveFrom'),
      key: 'from',
      render: (_, c) => formatInstant((c.payload as Payload).effectiveFrom),
    },
    status,
    actions,
  ];
}

function RateChanges() {
  const { t } = useTranslation('ops.rate-changes');
  const mayPropose = useMay('proposeRateChange');
  const [status, setStatus] = useState('all');
  const [proposing, setProposing] = useState(false);
  const query = useRateChanges(status === 'all' ? undefined : status);
  const columns = useColumns();
  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          mayPropose && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setProposing(true)}
              data-testid="rate-propose"
            >
              {t('propose')}
            </Button>
          )
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <span>{t('status')}</span>
        <Select
          aria-label={t('status')}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 140 }}
          options={[
            { value: 'all', label: t('ops.shared:all') },
            ...ApplicationStatus.options.map((s) => ({
              value: s,
              label: t(`ops.shared:statuses.${s}`),
            })),
          ]}
          data-testid="rate-filter-status"
        />
      </Space>
      <ErrorAlert error={query.error} />
      <Table<ApplicationBody>
        rowKey="id"
        loading={query.isLoading}
        dataSource={query.data?.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('empty') }}
        onRow={(c) => ({ 'data-testid': `rate-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
      />
      {mayPropose && <ProposeDrawer open={proposing} onClose={() => setProposing(false)} />}
    </>
  );
}

export function RateChangesPage() {
  return (
    <RoleGate permission="rateChanges">
      <RateChanges />
    </RoleGate>
  );
}
