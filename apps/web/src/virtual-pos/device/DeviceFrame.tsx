// The POS device as drawn: a dark body no wider than a phone, its status line, the screen (what
// the current step shows) and the keypad under it.
import type { VirtualPosScreen } from '@shoudan/contracts';
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './keypad.tsx';

const BODY_STYLE = {
  width: '100%',
  maxWidth: 380,
  background: 'linear-gradient(180deg, #3a3f47 0%, #23272e 100%)',
  borderRadius: 28,
  padding: 16,
  boxShadow: '0 12px 32px rgba(0, 0, 0, 0.35)',
} as const;

const SCREEN_STYLE = {
  background: '#e4ecdc',
  borderRadius: 10,
  padding: 12,
  minHeight: 300,
  border: '3px solid #11151a',
  boxShadow: 'inset 0 2px 6px rgba(0, 0, 0, 0.25)',
} as const;

function StatusLine({ screen }: { readonly screen: VirtualPosScreen }) {
  const { t } = useTranslation('virtual-pos.device');
  const pending = screen.pendingReversal;
  return (
    <Space size={4} wrap style={{ marginBottom: 8 }} data-testid="pos-status">
      <Tag>{t('header.terminal', { terminalId: screen.terminalId })}</Tag>
      <Tag>{t('header.batch', { batchNo: screen.batchNo })}</Tag>
      <Tag color={screen.signedIn ? 'green' : 'orange'} data-testid="pos-signed-in">
        {t(screen.signedIn ? 'header.signedIn' : 'header.notSignedIn')}
      </Tag>
      {pending && <Tag color="red">{t('header.reversal', { voucherNo: pending.voucherNo })}</Tag>}
    </Space>
  );
}

export type DeviceFrameProps = {
  readonly screen: VirtualPosScreen;
  readonly busy: boolean;
  readonly children: ReactNode;
};

export function DeviceFrame({ screen, busy, children }: DeviceFrameProps) {
  const { t } = useTranslation('virtual-pos.device');
  return (
    <section style={BODY_STYLE} aria-label={t('brand')} data-testid="pos-device">
      <Typography.Text
        style={{ color: '#d9d9d9', display: 'block', textAlign: 'center', marginBottom: 8 }}
      >
        {t('brand')} · {screen.merchantName}
      </Typography.Text>
      <div style={SCREEN_STYLE} aria-live="polite">
        <StatusLine screen={screen} />
        {children}
      </div>
      <Keypad disabled={busy} />
    </section>
  );
}
