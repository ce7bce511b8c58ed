// A POS menu: numbered choices, picked by a tap or by their digit on the keypad — the main menu
// (1 消费 2 交易管理 3 结算 4 签到 5 签退) and 交易管理 (1 撤销交易 2 退货).
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PosKey, useKeypad } from './keypad.tsx';

export type MenuItem = {
  readonly label: string;
  readonly testId: string;
  readonly onPick: () => void;
};

export type MenuScreenProps = {
  readonly title: string;
  readonly items: readonly MenuItem[];
  /** 取消 on this menu; none on the main menu. */
  readonly onBack?: () => void;
};

export function MenuScreen({ title, items, onBack }: MenuScreenProps) {
  useKeypad({
    onKey: (key: PosKey) => {
      if (key === 'back') onBack?.();
      const item = /^[1-9]$/.test(key) ? items[Number(key) - 1] : undefined;
      item?.onPick();
    },
    canConfirm: false,
    canBack: onBack !== undefined,
  });
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {items.map((item, index) => (
          <Button
            key={item.testId}
            block
            onClick={item.onPick}
            data-testid={item.testId}
            style={{ textAlign: 'left', justifyContent: 'flex-start' }}
          >
            {index + 1} {item.label}
          </Button>
        ))}
      </Space>
    </div>
  );
}

export function MainMenu(props: {
  readonly onSale: () => void;
  readonly onManage: () => void;
  readonly onSettle: () => void;
  readonly onSignIn: () => void;
  readonly onSignOff: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const items: MenuItem[] = [
    { label: t('menu.sale'), testId: 'pos-menu-sale', onPick: props.onSale },
    { label: t('menu.manage'), testId: 'pos-menu-manage', onPick: props.onManage },
    { label: t('menu.settle'), testId: 'pos-menu-settle', onPick: props.onSettle },
    { label: t('menu.signIn'), testId: 'pos-menu-sign-in', onPick: props.onSignIn },
    { label: t('menu.signOff'), testId: 'pos-menu-sign-off', onPick: props.onSignOff },
  ];
  return <MenuScreen title={t('menu.title')} items={items} />;
}

export function ManageMenu(props: {
  readonly onVoid: () => void;
  readonly onRefund: () => void;
  readonly onBack: () => void;
}) {
  const { t } = useTranslation('virtual-pos.device');
  const items: MenuItem[] = [
    { label: t('menu.void'), testId: 'pos-menu-void', onPick: props.onVoid },
    { label: t('menu.refund'), testId: 'pos-menu-refund', onPick: props.onRefund },
  ];
  return <MenuScreen title={t('menu.manageTitle')} items={items} onBack={props.onBack} />;
}
