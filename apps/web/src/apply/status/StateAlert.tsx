// What the applicant can do now, by status: withdraw while it waits (after a confirmation),
// correct and resubmit once rejected (unless done already), apply again once withdrawn.
import type { OnboardingStatus } from '@shoudan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { onboardingPath, statusQuery } from '../shared/api.ts';
import { merchantTypeOf } from '../shared/DocumentsPanel.tsx';
import { hashOf, type FollowKey } from '../shared/follow.ts';
import { LinkButton } from '../shared/LinkButton.tsx';

type Props = { readonly followKey: FollowKey; readonly status: OnboardingStatus };

export function StateAlert({ followKey, status }: Props) {
  const { t } = useTranslation('apply.status');
  switch (status.status) {
    case 'submitted':
      return <Waiting followKey={followKey} />;
    case 'approved':
      return <Alert type="success" showIcon title={t('state.approved')} />;
    case 'executed': {
      const ready = status.merchant?.ownerPasswordSet ?? false;
      return (
        <Alert
          type="success"
          showIcon
          title={t(ready ? 'state.executedReady' : 'state.executed')}
        />
      );
    }
    case 'rejected':
      return <Rejected followKey={followKey} status={status} />;
    case 'withdrawn':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('state.withdrawn')}
          action={
            <LinkButton size="small" to="/apply">
              {t('applyAgain')}
            </LinkButton>
          }
        />
      );
    default: {
      const never: never = status.status;
      throw new Error(`unknown application status ${String(never)}`);
    }
  }
}

function Rejected({ followKey, status }: Props) {
  const { t } = useTranslation('apply.status');
  const resubmitHash = hashOf({ resubmit: followKey.id, token: followKey.token });
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('state.rejected')}
      description={
        <>
          <p style={{ margin: 0 }} data-testid="status-review-comment">
            {status.reviewComment ?? t('state.rejectedNoComment')}
          </p>
          {status.resubmittedAs ? (
            <p style={{ margin: '8px 0 0' }}>
              {t('state.resubmitted', { id: status.resubmittedAs })}
            </p>
          ) : (
            <LinkButton
              type="primary"
              style={{ marginTop: 8 }}
              to={`/apply/${merchantTypeOf(status)}`}
              hash={resubmitHash}
              data-testid="status-resubmit"
            >
              {t('resubmit')}
            </LinkButton>
          )}
        </>
      }
    />
  );
}

/** Waiting for review: the applicant may withdraw, after a confirmation. */
function Waiting({ followKey }: { readonly followKey: FollowKey }) {
  const { t } = useTranslation('apply.status');
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () =>
      api.post<OnboardingStatus>(onboardingPath(followKey.id, 'withdraw'), undefined, {
        query: { token: followKey.token },
      }),
    onSuccess: (status) => {
      queryClient.setQueryData(statusQuery(followKey).queryKey, status);
      void message.success(t('withdraw.done'));
    },
  });
  const confirm = () =>
    modal.confirm({
      title: t('withdraw.title'),
      content: t('withdraw.content'),
      okText: t('withdraw.ok'),
      okType: 'danger',
      cancelText: t('common:cancel'),
      okButtonProps: { 'data-testid': 'status-withdraw-confirm' } as ButtonProps,
      // A refusal shows in the error alert; the dialog closes either way.
      onOk: () => withdraw.mutateAsync().catch(() => undefined),
    });
  return (
    <div>
      <ErrorAlert error={withdraw.error} />
      <Alert
        type="info"
        showIcon
        title={t('state.submitted')}
        description={
          <Button danger onClick={confirm} style={{ marginTop: 8 }} data-testid="status-withdraw">
            {t('withdraw.button')}
          </Button>
        }
      />
    </div>
  );
}
