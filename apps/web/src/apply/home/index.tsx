// /apply: choose to apply as an individual or an enterprise, with what each needs, how an
// application goes, and the way to follow one already made.
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import { Card, Col, Row, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../common/feature.ts';
import { ApplyFrame } from '../shared/ApplyFrame.tsx';
import type { MerchantType } from '../shared/documents.ts';
import { LinkButton } from '../shared/LinkButton.tsx';

function KindCard({ kind }: { readonly kind: MerchantType }) {
  const { t } = useTranslation('apply.home');
  const needs = t(`${kind}.needs`, { returnObjects: true }) as string[];
  return (
    <Card
      title={
        <span>
          {kind === 'individual' ? <UserOutlined /> : <BankOutlined />} {t(`${kind}.title`)}
        </span>
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{t(`${kind}.hint`)}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20 }}>
        {needs.map((need) => (
          <li key={need}>{need}</li>
        ))}
      </ul>
      <Typography.Paragraph>{t(`${kind}.documents`)}</Typography.Paragraph>
      <LinkButton type="primary" block to={`/apply/${kind}`} data-testid={`apply-kind-${kind}`}>
        {t(`${kind}.go`)}
      </LinkButton>
    </Card>
  );
}

function ChooseKind() {
  const { t } = useTranslation('apply.home');
  const how = t('how', { returnObjects: true }) as string[];
  return (
    <ApplyFrame title={t('title')}>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <KindCard kind="individual" />
        </Col>
        <Col xs={24} md={12}>
          <KindCard kind="enterprise" />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('both')}</Typography.Paragraph>
      <Card title={t('howTitle')} style={{ marginBottom: 16 }}>
        <Steps size="small" current={-1} items={how.map((title) => ({ title }))} />
      </Card>
      <Typography.Paragraph>
        {t('already')}{' '}
        <LinkButton type="link" to="/apply/status" data-testid="apply-go-status">
          {t('apply.shared:follow')}
        </LinkButton>
      </Typography.Paragraph>
    </ApplyFrame>
  );
}

export const feature: Feature = {
  order: 0,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: '/', component: ChooseKind }),
  ],
};
