// The account once closed: when and by which application, what was refunded (押金, unused
// 服务费) and kept, charge by charge, and what the closure did to terminals and services.
import { CheckCircleFilled } from '@ant-design/icons';
import type { ClosureBody } from '@shoudan/contracts';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenText, instantText } from '../applications/format.ts';
import { ChargesTable } from './Charges.tsx';

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** An amount kept on one line in a narrow column. */
function Money({ fen }: { readonly fen: string }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{fenText(fen)}</span>;
}

export function ClosureView({ closure }: { readonly closure: ClosureBody }) {
  const { t } = useTranslation('merchant.account');
  const summary = closure.summary;
  return (
    <Card size="small">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space align="center" wrap>
          <CheckCircleFilled style={{ color: '#8c8c8c', fontSize: 28 }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('closure')}
          </Typography.Title>
          <Tag data-testid="closure-status" data-status="closed">
            {t('closedTag')}
          </Tag>
        </Space>
        <Typography.Text type="secondary">
          {t('closedAt', { at: instantText(closure.closedAt) })}
          {closure.applicationNo &&
            ` · ${t('closureApplication', { applicationNo: closure.applicationNo })}`}
        </Typography.Text>
        <Typography.Text>
          {t('closureSummary', {
            terminals: count(summary['terminalsDeactivated']),
            services: count(summary['servicesRevoked']),
          })}
        </Typography.Text>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            {
              key: 'deposit',
              label: t('depositRefund'),
              children: <Money fen={closure.depositRefundFen} />,
            },
            { key: 'fee', label: t('feeRefund'), children: <Money fen={closure.feeRefundFen} /> },
            {
              key: 'earned',
              label: t('feeEarned'),
              children: <Money fen={closure.feeEarnedFen} />,
            },
            {
              key: 'total',
              label: t('refundTotal'),
              children: (
                <Typography.Text
                  strong
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="closure-refund-total"
                >
                  {fenText(closure.refundFen)}
                </Typography.Text>
              ),
            },
          ]}
        />
        <ChargesTable charges={closure.charges} refunds />
      </Space>
    </Card>
  );
}
