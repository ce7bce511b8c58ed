// 注销账户: the closure once the account is closed; else the application under way with its
// timeline; else (never applied, or the last one rejected or withdrawn) the checklist, the refund
// estimate and, for the owner, the form.
import type { ApplicationBody, DeregistrationView } from '@shoudan/contracts';
import { Alert, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useSession } from '../../common/session.ts';
import { useChecklist, useDeregistrationView } from './api.ts';
import { ApplicationProgress, LastOutcome } from './ApplicationProgress.tsx';
import { RefundEstimate } from './Charges.tsx';
import { Checklist } from './Checklist.tsx';
import { ClosureView } from './ClosureView.tsx';
import { DeregistrationForm } from './DeregistrationForm.tsx';
import { SessionEnded } from './SessionEnded.tsx';

/** An application still in the way of a new one (under review, or carried out). */
function inProgress(application: ApplicationBody | null): application is ApplicationBody {
  return application !== null && ['submitted', 'approved', 'executed'].includes(application.status);
}

function Apply({ view }: { readonly view: DeregistrationView }) {
  const { t } = useTranslation('merchant.account');
  const owner = useSession().data?.role === 'owner';
  const checklist = useChecklist(true);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {view.application && <LastOutcome application={view.application} />}
      <ErrorAlert error={checklist.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Checklist
            checklist={checklist.data}
            loading={checklist.isFetching}
            onRecheck={() => void checklist.refetch()}
          />
        </Col>
        <Col xs={24} lg={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {checklist.data && (
              <RefundEstimate estimate={checklist.data.refundEstimate} charges={view.charges} />
            )}
            {checklist.data && owner && <DeregistrationForm checklist={checklist.data} />}
            {!owner && <Alert type="info" showIcon title={t('ownerOnly')} />}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Body({ view }: { readonly view: DeregistrationView }) {
  if (view.closure) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ClosureView closure={view.closure} />
        {view.application && <ApplicationProgress application={view.application} />}
      </Space>
    );
  }
  if (inProgress(view.application)) return <ApplicationProgress application={view.application} />;
  return <Apply view={view} />;
}

export function DeregistrationPage() {
  const { t } = useTranslation('merchant.account');
  const state = useDeregistrationView();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <ErrorAlert error={state.error} />
      {state.isLoading && <Skeleton active />}
      {state.data?.kind === 'ended' && <SessionEnded application={state.data.application} />}
      {state.data?.kind === 'view' && <Body view={state.data.view} />}
    </Space>
  );
}
