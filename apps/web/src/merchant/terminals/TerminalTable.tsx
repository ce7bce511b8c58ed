// The terminals as a table: id and serial number, status, batch, last sign-in, and (for the owner)
// the actions that apply; one that does not apply is disabled rather than refused by the API.
import type { ApplicationBody, TerminalBody } from '@shoudan/contracts';
import { Link } from '@tanstack/react-router';
import { Button, Empty, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { actionsFor, type TerminalAction } from './terminal-actions.ts';
import type { PendingAction } from './TerminalActionDialog.tsx';

type Column = TableColumnsType<TerminalBody>[number];

const STATUS_COLOR: Record<TerminalBody['status'], string> = {
  pending_activation: 'processing',
  active: 'success',
  frozen: 'error',
  deactivated: 'default',
};

export function StatusTag({ terminal }: { readonly terminal: TerminalBody }) {
  const { t } = useTranslation('merchant.terminals');
  const lost = terminal.status === 'frozen' && terminal.frozenReason === 'lost';
  return (
    <Tag
      color={STATUS_COLOR[terminal.status]}
      data-testid={`terminal-status-${terminal.terminalId}`}
    >
      {t(lost ? 'status.lost' : `status.${terminal.status}`)}
    </Tag>
  );
}

function OpenApplication({
  terminalId,
  open,
}: {
  readonly terminalId: string;
  readonly open: ApplicationBody;
}) {
  const { t } = useTranslation('merchant.terminals');
  const kind = t(`kind.${open.kind}`, { defaultValue: open.kind });
  return (
    <Link
      to="/merchant/applications/$id"
      params={{ id: open.id }}
      data-testid={`terminal-open-application-${terminalId}`}
    >
      {t('openApplication', { kind })}
    </Link>
  );
}

/** The status, with the replacement or return under review if there is one. */
function Status({
  terminal,
  open,
}: {
  readonly terminal: TerminalBody;
  readonly open?: ApplicationBody;
}) {
  return (
    <Space orientation="vertical" size={2}>
      <StatusTag terminal={terminal} />
      {open && <OpenApplication terminalId={terminal.terminalId} open={open} />}
    </Space>
  );
}

type ActionsProps = {
  readonly terminal: TerminalBody;
  readonly open: ApplicationBody | undefined;
  readonly onAction: (pending: PendingAction) => void;
};

function Actions({ terminal, open, onAction }: ActionsProps) {
  const { t } = useTranslation('merchant.terminals');
  const allowed = actionsFor(terminal, open !== undefined);
  const { terminalId } = terminal;
  const button = (action: TerminalAction, testId: string) => (
    <Button
      size="small"
      danger={action === 'reportLost'}
      disabled={!allowed[action]}
      onClick={() => onAction({ action, terminalId })}
      data-testid={`terminal-${testId}-${terminalId}`}
    >
      {t(action)}
    </Button>
  );
  return (
    <Space size={4}>
      {button('reportLost', 'report-lost')}
      {button('replacement', 'replacement')}
      {button('return', 'return')}
    </Space>
  );
}

function wideColumns(t: TFunction, open: ReadonlyMap<string, ApplicationBody>): Column[] {
  return [
    { key: 'serialNo', title: t('column.serialNo'), dataIndex: 'serialNo' },
    {
      key: 'status',
      title: t('column.status'),
      render: (_, x) => <Status terminal={x} open={open.get(x.terminalId)} />,
    },
    { key: 'batch', title: t('column.batch'), dataIndex: 'currentBatchNo' },
    {
      key: 'lastSignIn',
      title: t('column.lastSignIn'),
      render: (_, x) => (x.lastSignInAt ? dayjs(x.lastSignInAt).format('YYYY-MM-DD HH:mm') : '—'),
    },
  ];
}

export type TerminalTableProps = {
  readonly rows: readonly TerminalBody[];
  readonly loading: boolean;
  readonly owner: boolean;
  readonly open: ReadonlyMap<string, ApplicationBody>;
  readonly onAction: (pending: PendingAction) => void;
};

export function TerminalTable({ rows, loading, owner, open, onAction }: TerminalTableProps) {
  const { t } = useTranslation('merchant.terminals');
  const narrow = !Grid.useBreakpoint().md;
  const columns: Column[] = [
    {
      key: 'terminal',
      title: t('column.terminal'),
      render: (_, x) => (
        <Space orientation="vertical" size={2} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{x.terminalId}</Typography.Text>
          {narrow && <Typography.Text type="secondary">{x.serialNo}</Typography.Text>}
          {narrow && <Status terminal={x} open={open.get(x.terminalId)} />}
        </Space>
      ),
    },
    ...(narrow ? [] : wideColumns(t, open)),
    ...(owner
      ? [
          {
            key: 'actions',
            title: t('column.actions'),
            render: (_: unknown, x: TerminalBody) => (
              <Actions terminal={x} open={open.get(x.terminalId)} onAction={onAction} />
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<TerminalBody>
      rowKey="terminalId"
      columns={columns}
      dataSource={rows as TerminalBody[]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('empty')} data-testid="terminals-empty" /> }}
      onRow={(x) =>
        ({ 'data-testid': `terminal-row-${x.terminalId}` }) as HTMLAttributes<HTMLElement>
      }
      data-testid="terminals-table"
    />
  );
}
