// What the screen shows after an operation: approved or not, the message, the response code (or
// the terminal's own reason) and the hint; a settlement's totals; and 结算's confirmation step.
import type { PosCardTotals, PosSettlement, VirtualPosResult } from '@shoudan/contracts';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenText } from './checks.ts';
import { useKeypad } from './keypad.tsx';

function Totals({ totals }: { readonly totals: PosCardTotals }) {
  const { t } = useTranslation('virtual-pos.device');
  const money = (count: number, fen: string) => ({ count, amount: fenText(fen) });
  return (
    <>
      <div>{t('settle.debit', money(totals.debitCount, totals.debitAmountFen))}</div>
      <div>{t('settle.credit', money(totals.creditCount, totals.creditAmountFen))}</div>
      <div>{t(totals.balanced ? 'settle.balanced' : 'settle.unbalanced')}</div>
    </>
  );
}

function SettlementTotals({ settlement }: { readonly settlement: PosSettlement }) {
  const { t } = useTranslation('virtual-pos.device');
  const items = (['domestic', 'foreign'] as const).map((key) => ({
    key,
    label: t(`settle.${key}`),
    children: <Totals totals={settlement[key]} />,
  }));
  return (
    <>
      <Descriptions size="small" column={1} bordered items={items} style={{ marginTop: 8 }} />
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="pos-next-batch">
        {t('settle.next', { batchNo: settlement.nextBatchNo, count: settlement.uploadedCount })}
      </Typography.Paragraph>
    </>
  );
}

export function ResultScreen(props: {
  readonly result: VirtualPosResult;
  readonly onDone: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const { result } = props;
  useKeypad({ onKey: (key) => (key === 'back' || key === 'confirm' ? props.onDone() : undefined) });
  return (
    <div data-testid="pos-result" data-approved={result.approved}>
      <Space align="center" style={{ marginBottom: 8 }}>
        {result.approved ? (
          <CheckCircleFilled style={{ color: '#389e0d', fontSize: 22 }} />
        ) : (
          <CloseCircleFilled style={{ color: '#cf1322', fontSize: 22 }} />
        )}
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="pos-result-message">
          {result.message}
        </Typography.Text>
      </Space>
      <div
        data-testid="pos-result-code"
        data-response-code={result.responseCode ?? undefined}
        data-failure={result.failure ?? undefined}
      >
        {result.responseCode === null
          ? t('result.noCode')
          : t('result.code', { code: result.responseCode })}
      </div>
      {result.hint && (
        <Alert
          type="warning"
          showIcon
          title={result.hint}
          style={{ marginTop: 8 }}
          data-testid="pos-hint"
        />
      )}
      {result.reversalPending && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
          {t('result.reversal')}
        </Typography.Paragraph>
      )}
      {result.settlement && <SettlementTotals settlement={result.settlement} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('result.again')}
      </Typography.Paragraph>
    </div>
  );
}

export function SettleScreen(props: {
  readonly batchNo: string;
  readonly count: number;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  useKeypad({
    onKey: (key) =>
      key === 'confirm' ? props.onConfirm() : key === 'back' ? props.onBack() : undefined,
  });
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('settle.title')}
      </Typography.Title>
      <Typography.Paragraph data-testid="pos-settle-confirm">
        {t('settle.confirm', { batchNo: props.batchNo, count: props.count })}
      </Typography.Paragraph>
    </div>
  );
}
