// 终端管理: the merchant's terminals with their status, and for the owner the actions that apply
// to each (report lost, replacement, return); a submitted application is shown with a link to it.
import type { ApplicationBody, ApplicationList, TerminalList } from '@shoudan/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, App, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useSession } from '../../common/session.ts';
import { openChanges } from './terminal-actions.ts';
import {
  TerminalActionDialog,
  type ActionResult,
  type PendingAction,
} from './TerminalActionDialog.tsx';
import { TerminalTable } from './TerminalTable.tsx';

const TERMINALS_KEY = ['merchant', 'terminals'] as const;
const CHANGES_KEY = ['merchant', 'applications', 'terminal-changes'] as const;

/** Replacements and returns, newest first: what decides whether another may be filed. */
async function readChanges(): Promise<ApplicationBody[]> {
  const kinds = ['terminal_replacement', 'terminal_return'] as const;
  const lists = await Promise.all(
    kinds.map((kind) =>
      api.get<ApplicationList>('/v1/merchant/applications', { kind, limit: 100 }),
    ),
  );
  return lists.flatMap((l) => l.data).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

function SubmittedAlert({
  application,
  onClose,
}: {
  readonly application: ApplicationBody;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation('merchant.terminals');
  const kind = t(`kind.${application.kind}`, { defaultValue: application.kind });
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': t('common:cancel') }}
      title={t('submitted', { kind, applicationNo: application.applicationNo })}
      action={
        <Link
          to="/merchant/applications/$id"
          params={{ id: application.id }}
          data-testid="terminal-application-link"
        >
          {t('viewApplication')}
        </Link>
      }
      data-testid="terminal-application-result"
    />
  );
}

export function TerminalsPage() {
  const { t } = useTranslation('merchant.terminals');
  const { message } = App.useApp();
  const client = useQueryClient();
  const owner = useSession().data?.role === 'owner';
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [submitted, setSubmitted] = useState<ApplicationBody | null>(null);
  const terminals = useQuery({
    queryKey: TERMINALS_KEY,
    queryFn: () => api.get<TerminalList>('/v1/merchant/terminals'),
  });
  const changes = useQuery({ queryKey: CHANGES_KEY, queryFn: readChanges, enabled: owner });
  // The answer goes into the cache at once, so no button stays enabled for an action the API
  // would now refuse while the lists are read again.
  const onDone = (result: ActionResult) => {
    setPending(null);
    if (result.action === 'reportLost') {
      const frozen = result.terminal;
      client.setQueryData<TerminalList>(TERMINALS_KEY, (old) =>
        old
          ? { data: old.data.map((x) => (x.terminalId === frozen.terminalId ? frozen : x)) }
          : old,
      );
      void message.success(t('reportedLost', { terminalId: result.terminal.terminalId }));
    } else {
      client.setQueryData<ApplicationBody[]>(CHANGES_KEY, (old) => [
        result.application,
        ...(old ?? []),
      ]);
      setSubmitted(result.application);
    }
    void client.invalidateQueries({ queryKey: TERMINALS_KEY });
    void client.invalidateQueries({ queryKey: ['merchant', 'applications'] });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {!owner && <Typography.Text type="secondary">{t('cashierHint')}</Typography.Text>}
      </Flex>
      {submitted && <SubmittedAlert application={submitted} onClose={() => setSubmitted(null)} />}
      <ErrorAlert error={terminals.error ?? changes.error} />
      <TerminalTable
        rows={terminals.data?.data ?? []}
        loading={terminals.isPending || (owner && changes.isPending)}
        owner={owner}
        open={openChanges(changes.data ?? [])}
        onAction={setPending}
      />
      {pending && (
        <TerminalActionDialog
          key={`${pending.action}-${pending.terminalId}`}
          pending={pending}
          onClose={() => setPending(null)}
          onDone={onDone}
        />
      )}
    </Space>
  );
}
