// Where an application stands, for its applicant: the summary with its status, what they can do
// now (withdraw while it waits, correct it once rejected, set the owner's password once opened),
// the progress, the merchant and terminal once opened, the documents and the data sent.
import type { OnboardingStatus } from '@shoudan/contracts';
import { Alert, Card, Descriptions, Space, Steps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DocumentsPanel, merchantTypeOf } from '../shared/DocumentsPanel.tsx';
import type { FollowKey } from '../shared/follow.ts';
import { ApplicationData } from './ApplicationData.tsx';
import { OwnerPasswordCard } from './OwnerPassword.tsx';
import { currentStage, stagesOf } from './progress.ts';
import { StateAlert } from './StateAlert.tsx';

export type StatusViewProps = { readonly followKey: FollowKey; readonly status: OnboardingStatus };

const STATUS_COLOR = {
  submitted: 'processing',
  approved: 'blue',
  executed: 'success',
  rejected: 'error',
  withdrawn: 'default',
} as const;

export function formatAt(at: string | null): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '';
}

export function StatusView({ followKey, status }: StatusViewProps) {
  const opened = status.status === 'executed' && status.merchant !== null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Summary status={status} />
      <StateAlert followKey={followKey} status={status} />
      {opened && <OwnerPasswordCard followKey={followKey} status={status} />}
      {status.merchant && <MerchantCard status={status} />}
      <Progress status={status} />
      <Card>
        <DocumentsPanel followKey={followKey} />
      </Card>
      <ApplicationData status={status} />
    </Space>
  );
}

function Summary({ status }: { readonly status: OnboardingStatus }) {
  const { t } = useTranslation('apply.status');
  const businessName = status.payload['businessName'];
  return (
    <Card>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: t('summary.status'),
            children: (
              <Tag
                color={STATUS_COLOR[status.status]}
                data-testid="status-value"
                data-status={status.status}
              >
                {t(`apply.shared:status.${status.status}`)}
              </Tag>
            ),
          },
          { key: 'no', label: t('summary.applicationNo'), children: status.applicationNo },
          {
            key: 'kind',
            label: t('summary.kind'),
            children: t(`apply.shared:kind.${merchantTypeOf(status)}`),
          },
          {
            key: 'name',
            label: t('summary.businessName'),
            children: typeof businessName === 'string' ? businessName : '',
          },
          { key: 'at', label: t('summary.submittedAt'), children: formatAt(status.submittedAt) },
          ...(status.reviewedAt
            ? [
                {
                  key: 'rev',
                  label: t('summary.reviewedAt'),
                  children: formatAt(status.reviewedAt),
                },
              ]
            : []),
        ]}
      />
      {status.previousApplicationId && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          title={t('summary.previous', { id: status.previousApplicationId })}
        />
      )}
    </Card>
  );
}

function Progress({ status }: { readonly status: OnboardingStatus }) {
  const { t } = useTranslation('apply.status');
  const stages = stagesOf(status);
  const { shipment } = status;
  const detail = (key: string, at: string | null) => {
    const lines = [formatAt(at)];
    if (key === 'shipped' && shipment?.carrier && shipment.trackingNo) {
      lines.push(t('progress.tracking', shipment));
    }
    return lines.filter((line) => line !== '').join(' · ') || null;
  };
  return (
    <Card title={t('progress.title')}>
      <Steps
        orientation="vertical"
        size="small"
        current={currentStage(stages)}
        items={stages.map((stage) => ({
          key: stage.key,
          title: t(`progress.${stage.key}`),
          status: stage.state,
          content: detail(stage.key, stage.at),
        }))}
      />
    </Card>
  );
}

function MerchantCard({ status }: { readonly status: OnboardingStatus }) {
  const { t } = useTranslation('apply.status');
  const { merchant, shipment } = status;
  if (!merchant) return null;
  return (
    <Card title={t('merchant.title')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'mno', label: t('merchant.merchantNo'), children: merchant.merchantNo },
          { key: 'tid', label: t('merchant.terminalId'), children: merchant.terminalId },
          { key: 'login', label: t('merchant.ownerLogin'), children: merchant.ownerLogin },
          ...(shipment
            ? [
                { key: 'sn', label: t('merchant.serialNo'), children: shipment.serialNo },
                {
                  key: 'ship',
                  label: t('merchant.shipment'),
                  children: t(`merchant.shipmentStatus.${shipment.status}`),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
