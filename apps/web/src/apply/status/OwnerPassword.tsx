// Once the merchant is opened: the new owner sets their merchant-portal password with the access
// token, once (typed twice, with a strength hint); after that, the way to sign in.
import type { OnboardingStatus } from '@shoudan/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { onboardingPath, statusQuery } from '../shared/api.ts';
import type { FollowKey } from '../shared/follow.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { PASSWORD_MAX, PASSWORD_MIN, passwordStrength, type Strength } from './password.ts';

type Props = { readonly followKey: FollowKey; readonly status: OnboardingStatus };
type Fields = { readonly password: string; readonly confirm: string };

const STRENGTH_TYPE: Record<Strength, 'danger' | 'warning' | 'success'> = {
  too_short: 'danger',
  weak: 'danger',
  fair: 'warning',
  strong: 'success',
};

export function OwnerPasswordCard({ followKey, status }: Props) {
  const { t } = useTranslation('apply.status');
  const login = status.merchant?.ownerLogin ?? '';
  if (status.merchant?.ownerPasswordSet) {
    return (
      <Card>
        <Result
          status="success"
          title={t('owner.done')}
          subTitle={t('owner.set', { login })}
          extra={
            <LinkButton type="primary" to="/merchant/login" data-testid="owner-sign-in">
              {t('owner.signIn')}
            </LinkButton>
          }
        />
      </Card>
    );
  }
  return (
    <Card title={t('owner.title')}>
      <Typography.Paragraph>{t('owner.intro', { login })}</Typography.Paragraph>
      <OwnerPasswordForm followKey={followKey} />
    </Card>
  );
}

function OwnerPasswordForm({ followKey }: { readonly followKey: FollowKey }) {
  const { t } = useTranslation('apply.status');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const password = Form.useWatch('password', form) ?? '';
  const setPassword = useMutation({
    mutationFn: (fields: Fields) =>
      api.post<void>(
        onboardingPath(followKey.id, 'owner-password'),
        { password: fields.password },
        { query: { token: followKey.token } },
      ),
    onSuccess: async () => {
      void message.success(t('owner.done'));
      await queryClient.invalidateQueries({ queryKey: statusQuery(followKey).queryKey });
    },
  });
  const label = t('owner.password');
  return (
    <Form<Fields> form={form} layout="vertical" onFinish={(fields) => setPassword.mutate(fields)}>
      <ErrorAlert error={setPassword.error} />
      <Form.Item
        name="password"
        label={label}
        rules={[
          { required: true, message: t('common:required', { field: label }) },
          { min: PASSWORD_MIN, message: t('owner.tooShort', { field: label, min: PASSWORD_MIN }) },
          { max: PASSWORD_MAX, message: t('owner.tooLong', { field: label, max: PASSWORD_MAX }) },
        ]}
        extra={<StrengthHint password={password} />}
      >
        <Input.Password autoComplete="new-password" data-testid="owner-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('owner.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('common:required', { field: t('owner.confirm') }) },
          ({ getFieldValue }) => ({
            validator: async (_, value: unknown) => {
              if (value && value !== getFieldValue('password'))
                throw new Error(t('owner.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="owner-password-confirm" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={setPassword.isPending}
        data-testid="owner-password-submit"
      >
        {t('owner.submit')}
      </Button>
    </Form>
  );
}

/** How strong the password looks while it is typed, with the advice; read out politely. */
function StrengthHint({ password }: { readonly password: string }) {
  const { t } = useTranslation('apply.status');
  const strength = passwordStrength(password);
  return (
    <span aria-live="polite">
      {password !== '' && (
        <Typography.Text type={STRENGTH_TYPE[strength]} data-testid="owner-password-strength">
          {t('owner.strength', { level: t(`owner.level.${strength}`) })}{' '}
        </Typography.Text>
      )}
      {t('owner.advice')}
    </span>
  );
}
