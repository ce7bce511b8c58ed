// Strings of the audit log (审计日志).
import type { Bundle } from '../../i18n/index.ts';

const zh = {
  menu: '审计日志',
  title: '审计日志',
  action: '操作',
  actionPlaceholder: '如 application.approved',
  objectType: '对象类型',
  objectId: '对象编号',
  merchant: '商户',
  actorId: '操作人编号',
  actorIdRule: '请输入操作人编号（UUID）',
  period: '时间范围',
  search: '查询',
  reset: '重置',
  at: '时间',
  actor: '操作人',
  object: '对象',
  ip: 'IP',
  detail: '详情',
  actorKinds: {
    staff: '员工',
    merchant_user: '商户用户',
    api_key: '密钥',
    applicant: '申请人',
    system: '系统',
  },
  empty: '没有符合条件的记录',
  limited: '显示最新的 {{count}} 条；请缩小范围查看更早的记录。',
};

const en: typeof zh = {
  menu: 'Audit log',
  title: 'Audit log',
  action: 'Action',
  actionPlaceholder: 'e.g. application.approved',
  objectType: 'Object type',
  objectId: 'Object ID',
  merchant: 'Merchant',
  actorId: 'Actor ID',
  actorIdRule: "Enter the actor's ID (a UUID)",
  period: 'Period',
  search: 'Search',
  reset: 'Reset',
  at: 'Time',
  actor: 'Actor',
  object: 'Object',
  ip: 'IP',
  detail: 'Detail',
  actorKinds: {
    staff: 'Staff',
    merchant_user: 'Merchant user',
    api_key: 'Secret key',
    applicant: 'Applicant',
    system: 'System',
  },
  empty: 'No entry matches',
  limited: 'The latest {{count}} shown; narrow the search to see older ones.',
};

const bundle: Bundle = { 'zh-CN': zh, en };

export default bundle;
