// The way in: a merchant user (owner or cashier) is needed — anyone else gets a link to the
// merchant sign-in that comes back here — then one of the merchant's terminals is chosen.
import type { VirtualPosTerminal } from '@shoudan/contracts';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { LanguageSwitch } from '../../common/LanguageSwitch.tsx';
import { useSession } from '../../common/session.ts';
import { useTerminals } from './api.ts';

function Page({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('virtual-pos.device');
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: '16px 12px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <LanguageSwitch compact />
      </Space>
      {children}
    </main>
  );
}

function SignInFirst({ back }: { readonly back: string }) {
  const { t } = useTranslation('virtual-pos.device');
  const navigate = useNavigate();
  const signIn = () => void navigate({ to: '/merchant/login', search: { redirect: back } });
  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }} data-testid="pos-sign-in-first">
      <Typography.Title level={4}>{t('gate.title')}</Typography.Title>
      <Typography.Paragraph>{t('gate.text')}</Typography.Paragraph>
      <Button type="primary" onClick={signIn} data-testid="pos-sign-in-link">
        {t('gate.signIn')}
      </Button>
    </Card>
  );
}

/** The page's content for a merchant user; a sign-in link (back to `back`) for anyone else. */
export function MerchantOnly(props: { readonly back: string; readonly children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Page>{<Spin />}</Page>;
  if (session.data?.kind !== 'merchant_user') {
    return (
      <Page>
        <SignInFirst back={props.back} />
      </Page>
    );
  }
  return props.children;
}

function TerminalCard({ terminal }: { readonly terminal: VirtualPosTerminal }) {
  const { t } = useTranslation('virtual-pos.device');
  const body = (
    <Card
      hoverable={terminal.usable}
      title={terminal.terminalId}
      data-testid={`pos-terminal-${terminal.terminalId}`}
      style={{ opacity: terminal.usable ? 1 : 0.6 }}
    >
      <Space wrap>
        <Tag>{t(`picker.status.${terminal.status}`)}</Tag>
        <Tag>{t('picker.batch', { batchNo: terminal.batchNo })}</Tag>
        <Tag color={terminal.signedIn ? 'green' : 'default'}>
          {t(terminal.signedIn ? 'picker.signedIn' : 'picker.notSignedIn')}
        </Tag>
        {!terminal.usable && <Tag color="orange">{t('picker.unusable')}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {terminal.serialNo}
      </Typography.Text>
    </Card>
  );
  if (!terminal.usable) return body;
  return (
    <Link to="/pos/$terminalId" params={{ terminalId: terminal.terminalId }}>
      {body}
    </Link>
  );
}

export function TerminalPicker() {
  const { t } = useTranslation('virtual-pos.device');
  const session = useSession();
  const terminals = useTerminals(session.data?.kind === 'merchant_user');
  const list = terminals.data?.data ?? [];
  return (
    <MerchantOnly back="/pos">
      <Page>
        <Typography.Paragraph type="secondary">{t('picker.hint')}</Typography.Paragraph>
        <ErrorAlert error={terminals.error} />
        {terminals.isPending && <Spin />}
        {terminals.data && list.length === 0 && <Empty description={t('picker.none')} />}
        <Row gutter={[16, 16]}>
          {list.map((terminal) => (
            <Col xs={24} sm={12} md={8} key={terminal.terminalId}>
              <TerminalCard terminal={terminal} />
            </Col>
          ))}
        </Row>
      </Page>
    </MerchantOnly>
  );
}
