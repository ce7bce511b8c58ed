// One application's review page (审核详情): who asked what, the payload in words per kind, the
// documents of an onboarding, the result once carried out, the history, and the review itself.
import type { ApplicationWithTimeline } from '@shoudan/contracts';
import { Link, useParams } from '@tanstack/react-router';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { FieldList } from '../shared/FieldList.tsx';
import { formatInstant, NOTICE_DAYS } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { ApplicationStatusTag, KindTag, PageTitle, RoleGate } from '../shared/ui.tsx';
import { useServerStatus } from '../shared/api.ts';
import { useApplication } from './api.ts';
import { Documents } from './Documents.tsx';
import { History } from './History.tsx';
import { noticeTooShort } from './outcome.ts';
import { ReviewActions } from './ReviewActions.tsx';

/** Who submitted it: an applicant's own name, else the name the audit log keeps. */
function submitterOf(application: ApplicationWithTimeline): string | undefined {
  const owner = application.payload['ownerName'];
  if (application.submittedBy.kind === 'applicant') {
    return typeof owner === 'string' ? owner : undefined;
  }
  return application.timeline.find((e) => e.action === 'application.submitted')?.actorName;
}

function Info({ application }: { readonly application: ApplicationWithTimeline }) {
  const { t } = useTranslation('ops.reviews');
  const a = application;
  const kind = t(`submitterKinds.${a.submittedBy.kind}`, { defaultValue: a.submittedBy.kind });
  const name = submitterOf(a);
  const submitter = name ? `${kind} · ${name}` : kind;
  const items = [
    { key: 'kind', label: t('kind'), children: <KindTag kind={a.kind} testId="review-kind" /> },
    {
      key: 'status',
      label: t('status'),
      children: <ApplicationStatusTag status={a.status} testId="review-status" />,
    },
    ...(a.merchantId
      ? [{ key: 'merchant', label: t('merchant'), children: <MerchantLink id={a.merchantId} /> }]
      : []),
    { key: 'at', label: t('submittedAt'), children: formatInstant(a.submittedAt) },
    { key: 'by', label: t('submitter'), children: submitter },
    { key: 'reason', label: t('reason'), children: a.reason, span: 'filled' as const },
    ...(a.reviewedAt
      ? [
          { key: 'reviewedAt', label: t('reviewedAt'), children: formatInstant(a.reviewedAt) },
          { key: 'comment', label: t('reviewComment'), children: a.reviewComment ?? '—' },
        ]
      : []),
    ...(a.withdrawnAt
      ? [{ key: 'withdrawnAt', label: t('withdrawnAt'), children: formatInstant(a.withdrawnAt) }]
      : []),
    ...(a.executedAt
      ? [{ key: 'executedAt', label: t('executedAt'), children: formatInstant(a.executedAt) }]
      : []),
  ];
  return (
    <Card title={t('info')} variant="outlined">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}

/** A rate change whose effective time is now inside the notice period cannot be approved. */
function NoticeWarning({ effectiveFrom }: { readonly effectiveFrom: unknown }) {
  const { t } = useTranslation('ops.reviews');
  const status = useServerStatus();
  if (!status.data || !noticeTooShort(effectiveFrom, status.data.now, NOTICE_DAYS)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('noticeShort', { days: NOTICE_DAYS })}
      style={{ marginBottom: 12 }}
      data-testid="review-notice-short"
    />
  );
}

function Content({ application }: { readonly application: ApplicationWithTimeline }) {
  const { t } = useTranslation('ops.reviews');
  const a = application;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Info application={a} />
          <Card title={t('payload')} variant="outlined">
            {a.kind === 'rate_change' && a.status === 'submitted' && (
              <NoticeWarning effectiveFrom={a.payload['effectiveFrom']} />
            )}
            {a.kind === 'deregistration' && (
              <Alert
                type="info"
                showIcon
                title={t('deregistrationNote')}
                style={{ marginBottom: 12 }}
              />
            )}
            <FieldList record={a.payload} testId="review-payload" hide={['ownerName']} />
          </Card>
          {a.kind === 'onboarding' && <Documents applicationId={a.id} />}
          {a.result && (
            <Card title={t('result')} variant="outlined">
              <FieldList record={a.result} testId="review-result" />
            </Card>
          )}
        </Space>
      </Col>
      <Col xs={24} lg={9}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ReviewActions application={a} />
          <History entries={a.timeline} />
        </Space>
      </Col>
    </Row>
  );
}

function Detail() {
  const { t } = useTranslation('ops.reviews');
  const { id } = useParams({ strict: false }) as { id: string };
  const query = useApplication(id);
  return (
    <>
      <PageTitle
        title={t('detailTitle', { no: query.data?.applicationNo ?? '' })}
        extra={<Link to="/ops/reviews">{t('back')}</Link>}
      />
      <ErrorAlert error={query.error} />
      {query.isLoading && <Skeleton active />}
      {query.data && <Content application={query.data} />}
      {query.data === undefined && !query.isLoading && !query.error && (
        <Typography.Text type="secondary">{t('common:none')}</Typography.Text>
      )}
    </>
  );
}

export function DetailPage() {
  return (
    <RoleGate permission="reviewQueue">
      <Detail />
    </RoleGate>
  );
}
