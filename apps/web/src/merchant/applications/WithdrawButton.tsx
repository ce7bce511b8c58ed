// 撤回: withdraws a submitted application after a confirmation; shown only where the API takes it
// (an owner, an application the merchant asked for, still under review).
import type { ApplicationBody } from '@shoudan/contracts';
import { App, Button, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useSession } from '../../common/session.ts';
import { useWithdraw } from './api.ts';
import { mayWithdraw } from './status.ts';

const OK_BUTTON: ButtonProps & { readonly 'data-testid': string } = {
  danger: true,
  'data-testid': 'application-withdraw-confirm',
};

export function WithdrawButton(props: {
  readonly application: Pick<ApplicationBody, 'id' | 'status' | 'submittedBy'>;
  readonly onWithdrawn?: () => void;
}) {
  const { t } = useTranslation('merchant.applications');
  const { message } = App.useApp();
  const session = useSession();
  const withdraw = useWithdraw();
  const [open, setOpen] = useState(false);
  if (!mayWithdraw(props.application, session.data?.role)) return null;
  const onOk = () =>
    withdraw.mutate(props.application.id, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t('withdrawn'));
        props.onWithdrawn?.();
      },
    });
  return (
    <>
      <Button
        danger
        onClick={() => {
          withdraw.reset();
          setOpen(true);
        }}
        data-testid="application-withdraw"
      >
        {t('withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('withdrawTitle')}
        okText={t('withdrawOk')}
        cancelText={t('common:cancel')}
        okButtonProps={OK_BUTTON}
        confirmLoading={withdraw.isPending}
        onOk={onOk}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={withdraw.error} />
        <p>{t('withdrawBody')}</p>
      </Modal>
    </>
  );
}
