// Strings of the rate-change history (费率变更): every change announced to the merchant.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    menu: '费率变更',
    title: '费率变更',
    intro: '调价须提前公告，只对生效时间之后的交易适用。',
    empty: '暂无费率变更',
    filter: '筛选',
    all: '全部',
    state: { upcoming: '即将生效', in_force: '生效中', superseded: '已失效' },
    scope: { plan: '费率套餐', merchant: '本商户' },
    upcoming: '{{count}} 项调价即将生效，最早于 {{time}}',
    capped: '{{rate}}，封顶 {{cap}}',
    column: {
      service: '业务',
      rate: '新费率',
      previous: '原费率',
      effectiveFrom: '生效时间',
      announcedAt: '公告时间',
      state: '状态',
      scope: '适用范围',
      applicationNo: '调价单号',
    },
  },
  en: {
    menu: 'Rate changes',
    title: 'Rate changes',
    intro:
      'Rate changes are announced ahead and apply only to transactions after they take effect.',
    empty: 'No rate changes',
    filter: 'Show',
    all: 'All',
    state: { upcoming: 'Upcoming', in_force: 'In force', superseded: 'Past' },
    scope: { plan: 'Fee plan', merchant: 'This merchant' },
    upcoming_one: '{{count}} rate change is coming, taking effect {{time}}',
    upcoming_other: '{{count}} rate changes are coming, the first taking effect {{time}}',
    capped: '{{rate}}, capped at {{cap}}',
    column: {
      service: 'Service',
      rate: 'New rate',
      previous: 'Previous rate',
      effectiveFrom: 'Takes effect',
      announcedAt: 'Announced',
      state: 'State',
      scope: 'Applies to',
      applicationNo: 'Change no.',
    },
  },
};

export default bundle;
