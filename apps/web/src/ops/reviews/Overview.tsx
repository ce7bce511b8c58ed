// The console's landing page (工作台): how many applications of each kind wait for review, each
// card opening its queue.
import { ApplicationKind } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';
import { useApplications } from './api.ts';
import { countByKind } from './outcome.ts';

function Counts() {
  const { t } = useTranslation('ops.reviews');
  const query = useApplications({ status: 'submitted' });
  const counts = countByKind(query.data?.data ?? [], ApplicationKind.options);
  return (
    <>
      <PageTitle title={t('overviewTitle')} />
      <Typography.Paragraph type="secondary">{t('overviewHint')}</Typography.Paragraph>
      <ErrorAlert error={query.error} />
      <Row gutter={[16, 16]}>
        {ApplicationKind.options.map((kind) => (
          <Col xs={12} md={8} xl={6} key={kind}>
            <Link
              to="/ops/reviews"
              search={{ kind, status: 'submitted' }}
              data-testid={`overview-kind-${kind}`}
            >
              <Card hoverable variant="outlined">
                {query.isLoading ? (
                  <Skeleton active paragraph={false} />
                ) : (
                  <Statistic
                    title={t(`ops.shared:kinds.${kind}`)}
                    value={counts[kind] ?? 0}
                    suffix={t('waiting')}
                  />
                )}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function Overview() {
  return (
    <RoleGate permission="reviewQueue">
      <Counts />
    </RoleGate>
  );
}
