// 通知: the merchant's notifications, newest first, all or only the unread; an unread one is
// marked, and is marked read when opened or by its button.
import type { NotificationBody } from '@shoudan/contracts';
import { useNavigate } from '@tanstack/react-router';
import { Badge, Button, Card, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { instantText } from '../applications/format.ts';
import { useMarkRead, useNotifications } from './api.ts';
import { linkOf, titleKeyOf } from './links.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The title and body in the page's language: the API writes Chinese. */
function useTexts(n: NotificationBody): { title: string; body: string } {
  const { t, i18n } = useTranslation(['merchant.notifications', 'merchant.applications']);
  const key = titleKeyOf(n.kind);
  if (!i18n.language.startsWith('en') || !key) return { title: n.title, body: n.body };
  const d = n.detail;
  if (n.kind.startsWith('application.')) {
    const kind = t(`merchant.applications:kind.${text(d['kind'])}`, {
      defaultValue: text(d['kind']),
    });
    const status = t(`merchant.applications:status.${text(d['status'])}`, { defaultValue: '' });
    const body = t('applicationBody', { applicationNo: text(d['applicationNo']), kind, status });
    return { title: t(key), body };
  }
  if (n.kind.startsWith('ticket.')) {
    return { title: t(key), body: t('ticketBody', { ticketNo: text(d['ticketNo']) }) };
  }
  return { title: t(key), body: n.body };
}

function NotificationItem(props: {
  readonly notification: NotificationBody;
  readonly onRead: (ids: readonly string[]) => void;
}) {
  const { t } = useTranslation('merchant.notifications');
  const navigate = useNavigate();
  const n = props.notification;
  const unread = n.readAt === null;
  const { title, body } = useTexts(n);
  const to = linkOf(n);
  const open = () => {
    if (unread) props.onRead([n.id]);
    if (to) void navigate({ to });
  };
  return (
    <Card size="small" data-testid={`notification-${n.id}`} data-read={unread ? 'false' : 'true'}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8}>
          {unread && (
            <Badge status="processing" text={t('unreadMark')} data-testid="notification-unread" />
          )}
          <Typography.Text strong={unread}>{title}</Typography.Text>
          <Typography.Text type="secondary">{instantText(n.at)}</Typography.Text>
        </Space>
        <Typography.Text type={unread ? undefined : 'secondary'}>{body}</Typography.Text>
        <Space wrap>
          {to && (
            <Button size="small" type="link" onClick={open} style={{ paddingInline: 0 }}>
              {t('open')}
            </Button>
          )}
          {unread && (
            <Button
              size="small"
              onClick={() => props.onRead([n.id])}
              data-testid={`notification-read-${n.id}`}
            >
              {t('markRead')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation('merchant.notifications');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const items = list.data?.data ?? [];
  const unreadIds = items.filter((n) => n.readAt === null).map((n) => n.id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap>
        <Segmented<'all' | 'unread'>
          aria-label={t('filter')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setUnreadOnly(value === 'unread')}
          options={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('unread') },
          ]}
        />
        <Button
          disabled={unreadIds.length === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(unreadIds)}
          data-testid="notifications-read-all"
        >
          {t('markAllRead')}
        </Button>
      </Space>
      <ErrorAlert error={list.error ?? markRead.error} />
      {list.isLoading && <Skeleton active />}
      {list.data && items.length === 0 && (
        <Empty description={t(unreadOnly ? 'emptyUnread' : 'empty')} />
      )}
      {items.map((n) => (
        <NotificationItem key={n.id} notification={n} onRead={(ids) => markRead.mutate(ids)} />
      ))}
    </Space>
  );
}
