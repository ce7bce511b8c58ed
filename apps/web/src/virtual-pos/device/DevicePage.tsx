// One terminal in the browser: the device with its menu, the step the cashier is on, and the slip
// printed beside it (below it on a phone) after an approval.
import type { VirtualPosResult, VirtualPosScreen } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Alert, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { LanguageSwitch } from '../../common/LanguageSwitch.tsx';
import { type Operation, useOperation, useScreen } from './api.ts';
import { DeviceFrame } from './DeviceFrame.tsx';
import { KeypadProvider } from './keypad.tsx';
import { MainMenu, ManageMenu } from './MenuScreen.tsx';
import { RefundScreen } from './RefundScreen.tsx';
import { ResultScreen, SettleScreen } from './ResultScreen.tsx';
import { SaleScreen } from './SaleScreen.tsx';
import { Slip } from './Slip.tsx';
import { VoidScreen } from './VoidScreen.tsx';

const WORKBENCH_STYLE = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 24,
  justifyContent: 'center',
  alignItems: 'flex-start',
} as const;

type View = 'menu' | 'manage' | 'sale' | 'void' | 'refund' | 'settle' | 'result';

type StepProps = {
  readonly view: View;
  readonly screen: VirtualPosScreen;
  readonly result: VirtualPosResult | null;
  readonly go: (view: View) => void;
  readonly run: (operation: Operation) => void;
};

/** The screen of the step the cashier is on. */
function Step({ view, screen, result, go, run }: StepProps) {
  const menu = () => go('menu');
  switch (view) {
    case 'menu':
      return (
        <MainMenu
          onSale={() => go('sale')}
          onManage={() => go('manage')}
          onSettle={() => go('settle')}
          onSignIn={() => run({ path: 'sign-in' })}
          onSignOff={() => run({ path: 'sign-off' })}
        />
      );
    case 'manage':
      return <ManageMenu onVoid={() => go('void')} onRefund={() => go('refund')} onBack={menu} />;
    case 'sale':
      return <SaleScreen onSubmit={(body) => run({ path: 'sale', body })} onBack={menu} />;
    case 'void':
      return (
        <VoidScreen
          screen={screen}
          onSubmit={(body) => run({ path: 'void', body })}
          onBack={menu}
        />
      );
    case 'refund':
      return (
        <RefundScreen
          settledSales={screen.settledSales}
          onSubmit={(body) => run({ path: 'refund', body })}
          onBack={menu}
        />
      );
    case 'settle':
      return (
        <SettleScreen
          batchNo={screen.batchNo}
          count={screen.journal.length}
          onConfirm={() => run({ path: 'settle' })}
          onBack={menu}
        />
      );
    case 'result':
      return result ? <ResultScreen result={result} onDone={menu} /> : null;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

function Workbench({ terminalId, screen }: { terminalId: string; screen: VirtualPosScreen }) {
  const { t } = useTranslation('virtual-pos.device');
  const operation = useOperation(terminalId);
  const [view, setView] = useState<View>('menu');
  const [result, setResult] = useState<VirtualPosResult | null>(null);
  const run = (next: Operation) => {
    setResult(null);
    operation.mutate(next, {
      onSuccess: (answer) => {
        setResult(answer);
        setView('result');
      },
    });
  };
  const busy = operation.isPending;
  const slip = view === 'result' ? result?.slip : null;
  return (
    <div style={WORKBENCH_STYLE}>
      <KeypadProvider>
        <DeviceFrame screen={screen} busy={busy}>
          {view !== 'result' && <ErrorAlert error={operation.error} />}
          {busy ? (
            <Spin spinning>
              <Alert type="info" title={t('processing')} data-testid="pos-processing" />
            </Spin>
          ) : (
            <Step view={view} screen={screen} result={result} go={setView} run={run} />
          )}
        </DeviceFrame>
      </KeypadProvider>
      {slip && <Slip slip={slip} />}
    </div>
  );
}

export function DevicePage({ terminalId }: { readonly terminalId: string }) {
  const { t } = useTranslation('virtual-pos.device');
  const query = useScreen(terminalId);
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: '16px 12px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space>
          <Link to="/pos" data-testid="pos-change-terminal">
            {t('changeTerminal')}
          </Link>
          <LanguageSwitch compact />
        </Space>
      </Space>
      <ErrorAlert error={query.error} />
      {query.data ? (
        <Workbench terminalId={terminalId} screen={query.data} />
      ) : (
        query.isPending && <Spin />
      )}
    </main>
  );
}
