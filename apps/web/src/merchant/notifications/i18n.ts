// Strings of 通知 (in-app notifications): the list, unread marker, marking read; the titles and
// bodies the English page writes itself for the kinds it knows (the API writes them in Chinese).
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    menu: '通知',
    title: '通知',
    all: '全部',
    unread: '未读',
    filter: '显示',
    empty: '暂无通知',
    emptyUnread: '没有未读通知',
    unreadMark: '未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    open: '查看',
  },
  en: {
    menu: 'Notifications',
    title: 'Notifications',
    all: 'All',
    unread: 'Unread',
    filter: 'Show',
    empty: 'No notifications',
    emptyUnread: 'No unread notifications',
    unreadMark: 'Unread',
    markRead: 'Mark read',
    markAllRead: 'Mark all read',
    open: 'Open',
    kindTitle: {
      application: {
        submitted: 'Application submitted',
        approved: 'Application approved',
        rejected: 'Application rejected',
        withdrawn: 'Application withdrawn',
        executed: 'Application completed',
      },
      ticket: { answered: 'Support answered your ticket', closed: 'Ticket closed' },
      terminal: { reported_lost: 'Terminal reported lost', shipped: 'Terminal shipped' },
      onboarding: { executed: 'Onboarding approved' },
      rate_change: { announced: 'Rate change announced' },
    },
    applicationBody: 'Application {{applicationNo}} ({{kind}}): {{status}}.',
    ticketBody: 'Ticket {{ticketNo}}.',
  },
};

export default bundle;
