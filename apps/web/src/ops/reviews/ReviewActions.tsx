// Approve or reject (审核) with a comment, each confirmed first; a rejection needs its reason.
// Maker-checker in the UI: one's own application, a kind one's roles may not review, or one
// already decided leaves the buttons disabled with the reason (the API refuses them too).
import type { ApplicationBody } from '@shoudan/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Space,
  Typography,
  type ButtonProps,
  type FormInstance,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/ErrorAlert.tsx';
import { ApiError } from '../../api/client.ts';
import { isOwn, reviewBlock, reviewersOf } from '../shared/roles.ts';
import { useStaff } from '../shared/ui.tsx';
import { useDecision, type Decision } from './api.ts';
import { failedChecksOf } from './outcome.ts';

type Mutation = ReturnType<typeof useDecision>;

function Outcome({ mutation }: { readonly mutation: Mutation }) {
  const { t } = useTranslation('ops.reviews');
  if (mutation.isError) {
    const body = mutation.error instanceof ApiError ? mutation.error.body : undefined;
    const failed = failedChecksOf(body);
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="review-outcome"
        data-status="refused"
        title={errorMessage(mutation.error, t)}
        description={
          failed.length > 0 ? (
            <>
              {t('failedChecks')}:{' '}
              {failed.map((k) => t(`checks.${k}`, { defaultValue: k })).join('、')}
            </>
          ) : undefined
        }
        style={{ marginTop: 16 }}
      />
    );
  }
  if (!mutation.data) return null;
  const { status } = mutation.data;
  const title = status === 'executed' || status === 'approved' ? t('approved') : t(status);
  return (
    <Alert
      type={status === 'rejected' || status === 'withdrawn' ? 'info' : 'success'}
      showIcon
      data-testid="review-outcome"
      data-status={status}
      title={title}
      style={{ marginTop: 16 }}
    />
  );
}

function Notice({ application }: { readonly application: ApplicationBody }) {
  const { t } = useTranslation('ops.reviews');
  const staff = useStaff();
  const block = reviewBlock(application, staff);
  if (block === 'own') {
    return <Alert type="warning" showIcon title={t('own')} data-testid="review-own-notice" />;
  }
  if (block === 'role') {
    const roles = ['admin', ...reviewersOf(application.kind)]
      .map((r) => t(`ops.shared:roles.${r}`))
      .join(' / ');
    return (
      <Alert type="info" showIcon title={t('role', { roles })} data-testid="review-role-notice" />
    );
  }
  return null;
}

/** The decisions, each confirmed in a dialog first; a rejection without a reason is stopped. */
function useDecisions(application: ApplicationBody, form: FormInstance<{ comment?: string }>) {
  const { t } = useTranslation('ops.reviews');
  const { modal } = App.useApp();
  const mutation = useDecision(application.id);
  const no = application.applicationNo;
  const confirm = (decision: Decision, title: string, content?: string) =>
    modal.confirm({
      title,
      content,
      okText: t('common:confirm'),
      cancelText: t('common:cancel'),
      okButtonProps: { 'data-testid': 'review-confirm' } as ButtonProps,
      onOk: () => mutation.mutate(decision),
    });
  const comment = () => (form.getFieldValue('comment') as string | undefined)?.trim() ?? '';
  return {
    mutation,
    approve: () =>
      confirm(
        comment() === '' ? { action: 'approve' } : { action: 'approve', comment: comment() },
        t('confirmApprove', { no }),
        t('confirmApproveHint'),
      ),
    reject: () => {
      if (comment() === '') {
        form.setFields([{ name: 'comment', errors: [t('commentRequired')] }]);
        return;
      }
      confirm({ action: 'reject', comment: comment() }, t('confirmReject', { no }));
    },
    withdraw: () => confirm({ action: 'withdraw' }, t('confirmWithdraw', { no })),
  };
}

export function ReviewActions({ application }: { readonly application: ApplicationBody }) {
  const { t } = useTranslation('ops.reviews');
  const [form] = Form.useForm<{ comment?: string }>();
  const staff = useStaff();
  const { mutation, approve, reject, withdraw } = useDecisions(application, form);
  const block = reviewBlock(application, staff);
  const withdrawable = application.status === 'submitted' && isOwn(application, staff.userId);
  const busy = mutation.isPending;
  return (
    <Card title={t('review')} variant="outlined">
      <Notice application={application} />
      {block === 'not_pending' && !mutation.data && (
        <Typography.Text type="secondary">{t('notPending')}</Typography.Text>
      )}
      {block !== 'not_pending' && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="comment" label={t('comment')} extra={t('commentHint')}>
            <Input.TextArea
              rows={3}
              maxLength={500}
              disabled={block !== null}
              data-testid="review-comment"
            />
          </Form.Item>
          <Space wrap>
            <Button
              type="primary"
              onClick={approve}
              disabled={block !== null}
              loading={busy}
              data-testid="review-approve"
            >
              {t('approve')}
            </Button>
            <Button
              danger
              onClick={reject}
              disabled={block !== null}
              loading={busy}
              data-testid="review-reject"
            >
              {t('reject')}
            </Button>
            {withdrawable && (
              <Button onClick={withdraw} loading={busy} data-testid="review-withdraw">
                {t('withdraw')}
              </Button>
            )}
          </Space>
        </Form>
      )}
      <Outcome mutation={mutation} />
    </Card>
  );
}
