// The ledger check (账务核对): runs the engine's check on demand and shows whether the books
// agree, with every mismatching balance, unbalanced entry and transaction without an entry.
import type { LedgerCheckBody, LedgerMismatchBody } from '@shoudan/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { fenOf, fenText, formatInstant } from '../shared/format.ts';
import { MerchantLink } from '../shared/MerchantLink.tsx';
import { PageTitle, RoleGate } from '../shared/ui.tsx';

function Mismatches({ rows }: { readonly rows: readonly LedgerMismatchBody[] }) {
  const { t } = useTranslation('ops.ledger');
  return (
    <Table<LedgerMismatchBody>
      rowKey={(m) => `${m.account}-${m.merchantId ?? ''}`}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...rows]}
      columns={[
        {
          title: t('account'),
          key: 'account',
          render: (_, m) => t(`ops.shared:accounts.${m.account}`, { defaultValue: m.account }),
        },
        {
          title: t('merchant'),
          key: 'merchant',
          render: (_, m) => (m.merchantId ? <MerchantLink id={m.merchantId} /> : t('acquirer')),
        },
        { title: t('expected'), key: 'expected', render: (_, m) => fenText(m.expectedFen) },
        { title: t('actual'), key: 'actual', render: (_, m) => fenText(m.actualFen) },
        {
          title: t('difference'),
          key: 'diff',
          render: (_, m) => fenText(fenOf(m.actualFen) - fenOf(m.expectedFen)),
        },
      ]}
    />
  );
}

function Report({ check }: { readonly check: LedgerCheckBody }) {
  const { t } = useTranslation('ops.ledger');
  const items = [
    { key: 'at', label: t('checkedAt'), children: formatInstant(check.checkedAt, true) },
    { key: 'accounts', label: t('accountsChecked'), children: check.accountsChecked },
    { key: 'entries', label: t('entriesChecked'), children: check.entriesChecked },
    { key: 'lines', label: t('linesChecked'), children: check.linesChecked },
    { key: 'total', label: t('totalFen'), children: fenText(check.totalFen) },
    { key: 'without', label: t('withoutEntry'), children: check.transactionsWithoutEntry },
    {
      key: 'unbalanced',
      label: t('unbalanced'),
      children:
        check.unbalancedEntryIds.length === 0 ? t('none') : check.unbalancedEntryIds.join(', '),
    },
  ];
  return (
    <div data-testid="ledger-result" data-ok={String(check.ok)}>
      <Result
        status={check.ok ? 'success' : 'error'}
        title={check.ok ? t('ok') : t('notOk')}
        style={{ padding: '16px 0' }}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        items={items}
      />
      {check.mismatches.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('mismatches')}
          </Typography.Title>
          <Mismatches rows={check.mismatches} />
        </>
      )}
    </div>
  );
}

function Ledger() {
  const { t } = useTranslation('ops.ledger');
  const check = useMutation({
    mutationFn: () => api.post<LedgerCheckBody>('/v1/ops/ledger/checks'),
  });
  return (
    <>
      <PageTitle
        title={t('title')}
        extra={
          <Button
            type="primary"
            loading={check.isPending}
            onClick={() => check.mutate()}
            data-testid="ledger-run"
          >
            {t('run')}
          </Button>
        }
      />
      <Card variant="outlined">
        <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
        <ErrorAlert error={check.error} />
        {check.data && <Report check={check.data} />}
      </Card>
    </>
  );
}

export function LedgerPage() {
  return (
    <RoleGate permission="ledgerCheck">
      <Ledger />
    </RoleGate>
  );
}
