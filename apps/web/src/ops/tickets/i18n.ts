// Strings of the support queue (客服工单).
import type { Bundle } from '../../i18n/index.ts';

const zh = {
  menu: '工单',
  title: '工单',
  status: '状态',
  statuses: { open: '待处理', answered: '已回复', closed: '已关闭' },
  ticketNo: '工单号',
  subject: '主题',
  merchant: '商户',
  createdAt: '创建时间',
  open: '处理',
  empty: '没有工单',
  back: '返回工单列表',
  about: '相关',
  transaction: '交易',
  terminal: '终端',
  messages: '沟通记录',
  reply: '回复',
  replyRule: '请填写回复内容',
  send: '发送回复',
  sent: '已回复',
  close: '关闭工单',
  confirmClose: '确认关闭工单 {{no}}？',
  closed: '工单已关闭',
  closedAt: '关闭时间',
  authors: { merchant_user: '商户', staff: '客服' },
};

const en: typeof zh = {
  menu: 'Tickets',
  title: 'Support tickets',
  status: 'Status',
  statuses: { open: 'Open', answered: 'Answered', closed: 'Closed' },
  ticketNo: 'Ticket no.',
  subject: 'Subject',
  merchant: 'Merchant',
  createdAt: 'Opened',
  open: 'Handle',
  empty: 'No ticket',
  back: 'Back to tickets',
  about: 'About',
  transaction: 'Transaction',
  terminal: 'Terminal',
  messages: 'Conversation',
  reply: 'Reply',
  replyRule: 'Write the reply',
  send: 'Send reply',
  sent: 'Reply sent',
  close: 'Close ticket',
  confirmClose: 'Close ticket {{no}}?',
  closed: 'Ticket closed',
  closedAt: 'Closed',
  authors: { merchant_user: 'Merchant', staff: 'Support' },
};

const bundle: Bundle = { 'zh-CN': zh, en };

export default bundle;
