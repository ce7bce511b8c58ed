// One application: what it says, its status, the timeline of its steps and 撤回 while the API
// takes it.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useApplication } from './api.ts';
import { ApplicationFacts } from './ApplicationFacts.tsx';
import { ApplicationTimeline } from './ApplicationTimeline.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';

export function ApplicationDetailPage({ id }: { readonly id: string }) {
  const { t } = useTranslation('merchant.applications');
  const one = useApplication(id);
  const back = (
    <Link to="/merchant/applications">
      <ArrowLeftOutlined /> {t('title')}
    </Link>
  );
  if (one.error instanceof ApiError && one.error.status === 404) {
    return <Result status="404" title={t('notFound')} extra={back} />;
  }
  const application = one.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('detailTitle')}
        {application ? ` ${application.applicationNo}` : ''}
      </Typography.Title>
      <ErrorAlert error={one.error} />
      {one.isLoading && <Skeleton active />}
      {application && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              title={t('detailTitle')}
              extra={<WithdrawButton application={application} />}
              size="small"
            >
              <ApplicationFacts application={application} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('timeline')} size="small">
              <ApplicationTimeline timeline={application.timeline} status={application.status} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
