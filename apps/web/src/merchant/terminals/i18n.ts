// Strings of terminal management (终端管理): statuses, report lost (挂失), replacement (换机) and
// return (退机) and their applications.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    menu: '终端管理',
    title: '终端管理',
    empty: '暂无终端',
    cashierHint: '挂失、换机、退机需店主操作',
    status: {
      pending_activation: '待激活',
      active: '正常',
      frozen: '已冻结',
      lost: '已挂失',
      deactivated: '已停用',
    },
    column: {
      terminal: '终端号',
      serialNo: '序列号',
      status: '状态',
      batch: '当前批次',
      lastSignIn: '最近签到',
      actions: '操作',
    },
    openApplication: '{{kind}}审核中',
    kind: { terminal_replacement: '换机', terminal_return: '退机' },
    reportLost: '挂失',
    replacement: '换机',
    return: '退机',
    dialog: {
      reportLostTitle: '挂失终端 {{terminalId}}',
      reportLostText: '挂失后终端立即冻结，之后的交易都会被拒绝。此操作无需审核，不能自行撤回。',
      reportLostOk: '确认挂失',
      note: '备注（选填）',
      replacementTitle: '申请换机：终端 {{terminalId}}',
      replacementText: '提交后由运营审核；审核通过后原终端停用，新终端将寄出。',
      returnTitle: '申请退机：终端 {{terminalId}}',
      returnText: '提交后由运营审核；审核通过后终端停用，押金按规定退还。',
      reason: '原因',
      reasonRequired: '请填写原因',
      reasonTooLong: '原因最多500字',
      submit: '提交申请',
    },
    reportedLost: '终端 {{terminalId}} 已挂失冻结',
    submitted: '已提交{{kind}}申请 {{applicationNo}}，请等待运营审核',
    viewApplication: '查看申请进度',
  },
  en: {
    menu: 'Terminals',
    title: 'Terminals',
    empty: 'No terminals',
    cashierHint: 'Only the owner can report a terminal lost or ask for a replacement or return',
    status: {
      pending_activation: 'Pending activation',
      active: 'Active',
      frozen: 'Frozen',
      lost: 'Reported lost',
      deactivated: 'Deactivated',
    },
    column: {
      terminal: 'Terminal',
      serialNo: 'Serial no.',
      status: 'Status',
      batch: 'Batch',
      lastSignIn: 'Last sign-in',
      actions: 'Actions',
    },
    openApplication: '{{kind}} under review',
    kind: { terminal_replacement: 'Replacement', terminal_return: 'Return' },
    reportLost: 'Report lost',
    replacement: 'Replace',
    return: 'Return',
    dialog: {
      reportLostTitle: 'Report terminal {{terminalId}} lost',
      reportLostText:
        'The terminal is frozen at once and every later payment on it is declined. ' +
        'No review is needed, and you cannot undo it yourself.',
      reportLostOk: 'Report lost',
      note: 'Note (optional)',
      replacementTitle: 'Replacement of terminal {{terminalId}}',
      replacementText:
        'Ops review the application; once approved the terminal is deactivated and a new one ' +
        'is shipped.',
      returnTitle: 'Return of terminal {{terminalId}}',
      returnText:
        'Ops review the application; once approved the terminal is deactivated and the ' +
        'deposit refunded where due.',
      reason: 'Reason',
      reasonRequired: 'Please give a reason',
      reasonTooLong: 'At most 500 characters',
      submit: 'Submit',
    },
    reportedLost: 'Terminal {{terminalId}} was reported lost and is frozen',
    submitted: '{{kind}} application {{applicationNo}} submitted: ops will review it',
    viewApplication: 'Follow the application',
  },
};

export default bundle;
