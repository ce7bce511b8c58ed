// The answer to an application, shown once: its number and id, the access token with a copy
// button and the warning to keep it, and the follow link that carries both in its fragment.
import type { OnboardingSubmission } from '@shoudan/contracts';
import { Alert, Descriptions, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hashOf } from './follow.ts';

export function followUrlOf(submission: Pick<OnboardingSubmission, 'id' | 'accessToken'>) {
  const hash = hashOf({ id: submission.id, token: submission.accessToken });
  return `${window.location.origin}/apply/status#${hash}`;
}

const WRAP = { wordBreak: 'break-all' } as const;

export function AccessTokenCard({ submission }: { readonly submission: OnboardingSubmission }) {
  const { t } = useTranslation('apply.shared');
  const { id, applicationNo, accessToken } = submission;
  const narrow = !Grid.useBreakpoint().md;
  return (
    <section aria-labelledby="apply-token-title" style={{ marginBottom: 24 }}>
      <Alert
        type="warning"
        showIcon
        title={<span id="apply-token-title">{t('token.title')}</span>}
        description={t('token.warning')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={narrow ? 'vertical' : 'horizontal'}
        items={[
          {
            key: 'no',
            label: t('token.applicationNo'),
            children: <span data-testid="apply-application-no">{applicationNo}</span>,
          },
          {
            key: 'id',
            label: t('token.applicationId'),
            children: (
              <Typography.Text copyable={{ text: id }} style={WRAP}>
                <span data-testid="apply-application-id">{id}</span>
              </Typography.Text>
            ),
          },
          {
            key: 'token',
            label: t('token.token'),
            children: (
              <Typography.Text copyable={{ text: accessToken }} code style={WRAP}>
                <span data-testid="apply-token">{accessToken}</span>
              </Typography.Text>
            ),
          },
          {
            key: 'link',
            label: t('token.link'),
            children: (
              <Typography.Text copyable={{ text: followUrlOf(submission) }} style={WRAP}>
                {followUrlOf(submission)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </section>
  );
}
