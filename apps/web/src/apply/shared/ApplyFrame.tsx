// The frame of every applicant page (no sign-in, no side menu): the brand, the area, the link to
// follow an application, the language switch, and the page with its title.
import { HomeOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Grid, Layout, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../common/LanguageSwitch.tsx';

const HEADER_STYLE = {
  background: '#fff',
  padding: '0 16px',
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  borderBottom: '1px solid #f0f0f0',
  lineHeight: 'normal',
} as const;

export type ApplyFrameProps = { readonly title: string; readonly children: ReactNode };

export function ApplyFrame({ title, children }: ApplyFrameProps) {
  const { t } = useTranslation('apply.shared');
  const narrow = !Grid.useBreakpoint().md;
  useEffect(() => {
    document.title = `${title} · ${t('common:brand')}`;
  }, [title, t]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={HEADER_STYLE}>
        <span style={{ fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>
          <Link to="/" aria-label={narrow ? t('home') : undefined}>
            {narrow ? <HomeOutlined /> : t('common:brand')}
          </Link>{' '}
          · <Link to="/apply">{t('area')}</Link>
        </span>
        <span style={{ flex: 1 }} />
        <Link to="/apply/status" style={{ whiteSpace: 'nowrap' }} data-testid="apply-nav-status">
          {narrow ? t('followShort') : t('follow')}
        </Link>
        <LanguageSwitch compact={narrow} />
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
        <main style={{ maxWidth: 880, margin: '0 auto' }}>
          <Typography.Title level={narrow ? 3 : 2} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </main>
      </Layout.Content>
    </Layout>
  );
}
