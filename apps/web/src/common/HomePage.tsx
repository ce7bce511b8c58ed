// The front door: the four areas, each with what it is for.
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const AREAS = [
  { key: 'merchant', to: '/merchant' },
  { key: 'ops', to: '/ops' },
  { key: 'pos', to: '/pos' },
  { key: 'apply', to: '/apply' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={2}>{t('brand')} Shoudan</Typography.Title>
        <LanguageSwitch />
      </div>
      <Row gutter={[16, 16]}>
        {AREAS.map((area) => (
          <Col xs={24} sm={12} key={area.key}>
            <Link to={area.to} data-testid={`home-${area.key}`}>
              <Card hoverable title={t(`portals.${area.key}`)}>
                {t(`portals.${area.key}Hint`)}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </main>
  );
}
