// The 通知 menu item with the number of unread notifications beside it.
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNREAD_SHOWN_MAX, useUnreadCount } from './api.ts';

export function NotificationsMenuLabel() {
  const { t } = useTranslation('merchant.notifications');
  const unread = useUnreadCount();
  return (
    <span>
      {t('menu')}
      <Badge
        count={unread.data ?? 0}
        overflowCount={UNREAD_SHOWN_MAX}
        size="small"
        style={{ marginInlineStart: 8 }}
        data-testid="notifications-unread-count"
      />
    </span>
  );
}
