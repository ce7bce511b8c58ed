// The deregistration application under way: its status, what it says, its timeline (read again
// whenever the page sees its status move) and 撤回 while it is under review.
import type { ApplicationBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useApplication } from '../applications/api.ts';
import { ApplicationFacts } from '../applications/ApplicationFacts.tsx';
import { ApplicationTimeline } from '../applications/ApplicationTimeline.tsx';
import { WithdrawButton } from '../applications/WithdrawButton.tsx';

export function ApplicationProgress({ application }: { readonly application: ApplicationBody }) {
  const { t } = useTranslation('merchant.account');
  const one = useApplication(application.id, application.status);
  return (
    <Card
      title={t('application')}
      size="small"
      extra={<WithdrawButton application={application} />}
      data-testid="deregistration-application"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ApplicationFacts application={application} />
        </Col>
        <Col xs={24} lg={10}>
          <ErrorAlert error={one.error} />
          <ApplicationTimeline timeline={one.data?.timeline ?? []} status={application.status} />
        </Col>
      </Row>
    </Card>
  );
}

/** A rejected or withdrawn application above the checklist: the merchant may apply again. */
export function LastOutcome({ application }: { readonly application: ApplicationBody }) {
  const { t } = useTranslation(['merchant.account', 'merchant.applications']);
  const status = t(`merchant.applications:status.${application.status}`);
  return (
    <Alert
      type={application.status === 'rejected' ? 'error' : 'info'}
      showIcon
      title={t('lastOutcome', { status, applicationNo: application.applicationNo })}
      description={
        <Space orientation="vertical" size={0}>
          {application.reviewComment && (
            <span>
              {t('merchant.applications:comment', { comment: application.reviewComment })}
            </span>
          )}
          <Link to={`/merchant/applications/${application.id}`}>
            {t('merchant.applications:open')}
          </Link>
        </Space>
      }
      data-testid="deregistration-last-outcome"
      data-status={application.status}
    />
  );
}
