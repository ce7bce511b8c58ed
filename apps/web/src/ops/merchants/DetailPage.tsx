// One merchant (商户详情): who it is, its terminals, its services, its ledger balances and, once
// closed, its closure; with a link to its applications in the review queues.
import type { MerchantDetail, TerminalSummary } from '@shoudan/contracts';
import { Link, useParams } from '@tanstack/react-router';
import { Card, Col, Descriptions, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useMerchant } from '../shared/api.ts';
import { fenText, formatInstant } from '../shared/format.ts';
import { PageTitle, RoleGate, StatusTag, useMay } from '../shared/ui.tsx';
import { Closure } from './Closure.tsx';

function Info({ merchant }: { readonly merchant: MerchantDetail }) {
  const { t } = useTranslation('ops.merchants');
  const m = merchant;
  const items = [
    {
      key: 'no',
      label: t('merchantNo'),
      children: <Typography.Text code>{m.merchantNo}</Typography.Text>,
    },
    { key: 'name', label: t('name'), children: m.name },
    {
      key: 'type',
      label: t('merchantType'),
      children: t(`ops.shared:merchantTypes.${m.merchantType}`),
    },
    {
      key: 'status',
      label: t('status'),
      children: <StatusTag group="merchantStatuses" status={m.status} />,
    },
    { key: 'created', label: t('createdAt'), children: formatInstant(m.createdAt) },
    ...(m.closedAt
      ? [{ key: 'closed', label: t('closedAt'), children: formatInstant(m.closedAt) }]
      : []),
    {
      key: 'apps',
      label: t('applications'),
      children: (
        <Link to="/ops/reviews" search={{ merchantId: m.id, status: 'all' }}>
          {t('openApplications')}
        </Link>
      ),
    },
  ];
  return (
    <Card title={t('info')} variant="outlined">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        items={items}
      />
    </Card>
  );
}

function Terminals({ terminals }: { readonly terminals: readonly TerminalSummary[] }) {
  const { t } = useTranslation('ops.merchants');
  return (
    <Card title={t('terminals')} variant="outlined">
      <Table<TerminalSummary>
        rowKey="terminalId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...terminals]}
        columns={[
          { title: t('terminalId'), dataIndex: 'terminalId' },
          { title: t('serialNo'), dataIndex: 'serialNo', render: (s: string | null) => s ?? '—' },
          {
            title: t('status'),
            key: 'status',
            render: (_, r) => <StatusTag group="terminalStatuses" status={r.status} />,
          },
        ]}
      />
    </Card>
  );
}

function Services({ merchant }: { readonly merchant: MerchantDetail }) {
  const { t } = useTranslation('ops.merchants');
  return (
    <Card title={t('services')} variant="outlined">
      <Space wrap>
        {merchant.services.map((s) => (
          <Space key={s.code} size={4}>
            <Tag>{t(`ops.shared:services.${s.code}`, { defaultValue: s.name })}</Tag>
            <StatusTag group="serviceStatuses" status={s.status} />
          </Space>
        ))}
      </Space>
    </Card>
  );
}

function Balances({ merchant }: { readonly merchant: MerchantDetail }) {
  const { t } = useTranslation('ops.merchants');
  return (
    <Card title={t('balances')} variant="outlined">
      <Typography.Paragraph type="secondary">{t('balanceHint')}</Typography.Paragraph>
      {merchant.balances.length === 0 && (
        <Typography.Text type="secondary">{t('noBalances')}</Typography.Text>
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={merchant.balances.map((b) => ({
          key: b.account,
          label: t(`ops.shared:accounts.${b.account}`, { defaultValue: b.account }),
          children: fenText(b.balanceFen),
        }))}
      />
    </Card>
  );
}

function Detail() {
  const { t } = useTranslation('ops.merchants');
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useMerchant(id);
  const mayClosure = useMay('closure');
  const m = query.data;
  return (
    <>
      <PageTitle
        title={m ? m.name : t('title')}
        extra={<Link to="/ops/merchants">{t('back')}</Link>}
      />
      <ErrorAlert error={query.error} />
      {query.isLoading && <Skeleton active />}
      {m && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Info merchant={m} />
          </Col>
          <Col xs={24} lg={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Terminals terminals={m.terminals} />
              <Services merchant={m} />
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Balances merchant={m} />
          </Col>
          {m.status === 'closed' && mayClosure && (
            <Col xs={24}>
              <Closure merchantId={m.id} />
            </Col>
          )}
        </Row>
      )}
    </>
  );
}

export function DetailPage() {
  return (
    <RoleGate permission="merchants">
      <Detail />
    </RoleGate>
  );
}
