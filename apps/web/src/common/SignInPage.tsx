// Sign-in for merchant users (phone + password) and staff (username + password). After signing in
// it goes back to where the person was sent from (`?redirect=`), or to the area's home.
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSignIn } from './session.ts';

const PHONE = /^1[3-9]\d{9}$/;

export type SignInPageProps = {
  readonly side: 'merchant' | 'staff';
  /** Where to go after signing in when no redirect was asked for. */
  readonly home: string;
  readonly redirect?: string;
};

type Fields = { readonly login: string; readonly password: string };

export function SignInPage({ side, home, redirect }: SignInPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const loginLabel = side === 'merchant' ? t('phone') : t('username');
  const onFinish = (fields: Fields) => {
    const input =
      side === 'merchant'
        ? ({ side, phone: fields.login.trim(), password: fields.password } as const)
        : ({ side, username: fields.login.trim(), password: fields.password } as const);
    signIn.mutate(input, {
      onSuccess: () => {
        const target = redirect && redirect.startsWith('/') ? redirect : home;
        void navigate({ to: target });
      },
    });
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t(side === 'merchant' ? 'signInTitle.merchant' : 'signInTitle.ops')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <ErrorAlert error={signIn.error} />
        <Form<Fields> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="login"
            label={loginLabel}
            rules={[
              { required: true, whitespace: true, message: t('required', { field: loginLabel }) },
              ...(side === 'merchant' ? [{ pattern: PHONE, message: t('phoneInvalid') }] : []),
            ]}
          >
            <Input
              autoComplete="username"
              inputMode={side === 'merchant' ? 'numeric' : 'text'}
              data-testid="sign-in-login"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('required', { field: t('password') }) }]}
          >
            <Input.Password autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            data-testid="sign-in-submit"
          >
            {t('signIn')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
