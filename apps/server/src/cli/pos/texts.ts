// What the POS screen says, in Chinese (default) and English (`--lang en`): menus, prompts and
// results. Response codes and the terminal's failures come from @shoudan/terminal.
import type { SlipLanguage } from '@shoudan/terminal';

const TEXTS = {
  title: { zh: '收单 POS 终端模拟器', en: 'Shoudan POS terminal simulator' },
  terminalLine: {
    zh: '终端号 {0}  商户号 {1}  批次号 {2}',
    en: 'Terminal {0}  merchant {1}  batch {2}',
  },
  notSignedIn: { zh: '终端未签到，请先签到（4）', en: 'Not signed in: choose 4 to sign in' },
  reversalWaiting: {
    zh: '有未完成的冲正（凭证号 {0}），将在下一笔交易前发送',
    en: 'A reversal (voucher {0}) is pending; it is sent before the next request',
  },
  mainMenu: {
    zh: '1 消费\n2 交易管理\n3 结算\n4 签到\n5 签退\n0 退出',
    en: '1 Sale\n2 Transaction management\n3 Settlement\n4 Sign in\n5 Sign off\n0 Exit',
  },
  manageMenu: {
    zh: '交易管理\n1 撤销交易\n2 退货\n3 重打印\n0 返回',
    en: 'Transaction management\n1 Void\n2 Refund\n3 Reprint\n0 Back',
  },
  choose: { zh: '请选择: ', en: 'Choose: ' },
  unknownChoice: { zh: '无效选项', en: 'No such choice' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  bye: { zh: '再见', en: 'Goodbye' },
  processing: { zh: '处理中，请稍候…', en: 'Processing…' },
  sale: { zh: '== 消费 ==', en: '== Sale ==' },
  amount: { zh: '请输入金额(元): ', en: 'Amount (yuan): ' },
  amountInvalid: { zh: '金额无效', en: 'Invalid amount' },
  card: { zh: '请刷卡或输入卡号: ', en: 'Swipe (track 2) or key the card number: ' },
  cardInvalid: { zh: '卡号无效', en: 'Invalid card number' },
  expiry: { zh: '请输入有效期 YYMM(可跳过): ', en: 'Expiry YYMM (Enter to skip): ' },
  pin: { zh: '请输入密码(无密码直接回车): ', en: 'PIN (Enter for none): ' },
  approved: { zh: '交易成功', en: 'Approved' },
  declined: { zh: '交易失败 [{0}] {1}', en: 'Declined [{0}] {1}' },
  failed: { zh: '交易失败: {0}', en: 'Failed: {0}' },
  reversalStored: {
    zh: '已记录冲正，将在下一笔交易前发送',
    en: 'A reversal is stored; it is sent before the next request',
  },
  void: { zh: '== 撤销交易 ==', en: '== Void ==' },
  supervisorPassword: { zh: '请输入主管密码: ', en: 'Supervisor password: ' },
  supervisorWrong: { zh: '主管密码错误', en: 'Wrong supervisor password' },
  voidBy: {
    zh: '1 输入原凭证号\n2 按时间查询今日交易',
    en: '1 Enter the original voucher number\n2 List today’s sales by time',
  },
  voucherNo: { zh: '请输入原凭证号: ', en: 'Original voucher number: ' },
  noVoidable: { zh: '今日无可撤销的交易', en: 'No sale to void today' },
  pickIndex: { zh: '请选择序号: ', en: 'Number of the sale: ' },
  original: {
    zh: '原交易: 凭证号 {0}  卡号 {1}  金额 {2}  时间 {3}',
    en: 'Original: voucher {0}  card {1}  amount {2}  time {3}',
  },
  confirmVoid: { zh: '确认撤销? 1 确认  0 取消: ', en: 'Void it? 1 yes  0 no: ' },
  voidRefused: { zh: '撤销失败: {0}', en: 'Void refused: {0}' },
  refund: { zh: '== 退货 ==', en: '== Refund ==' },
  originalRrn: { zh: '请输入原交易参考号: ', en: 'Original RRN: ' },
  originalDate: { zh: '请输入原交易日期 MMDD: ', en: 'Original date MMDD: ' },
  refundAmount: { zh: '请输入退货金额(元): ', en: 'Refund amount (yuan): ' },
  reprintMenu: {
    zh: '1 重打印最后一笔\n2 重打印任意一笔',
    en: '1 Reprint the last transaction\n2 Reprint by voucher number',
  },
  reprintVoucher: { zh: '请输入凭证号: ', en: 'Voucher number: ' },
  reprintMark: { zh: '*** 重打印 REPRINT ***', en: '*** REPRINT ***' },
  nothingToPrint: { zh: '无交易记录', en: 'No transaction to print' },
  settle: { zh: '== 结算 ==', en: '== Settlement ==' },
  settled: {
    zh: '结算完成  批次号 {0}  新批次号 {1}',
    en: 'Settled batch {0}; the new batch is {1}',
  },
  totalsLine: {
    zh: '{0}  借记 {1} 笔 {2}  贷记 {3} 笔 {4}  {5}',
    en: '{0}  debit {1} × {2}  credit {3} × {4}  {5}',
  },
  domestic: { zh: '内卡', en: 'Domestic' },
  foreign: { zh: '外卡', en: 'Foreign' },
  balanced: { zh: '对账平', en: 'balanced' },
  unbalanced: { zh: '对账不平', en: 'not balanced' },
  uploaded: { zh: '批上送 {0} 笔', en: 'Batch upload: {0} records' },
  signedIn: { zh: '签到成功  批次号 {0}', en: 'Signed in; batch {0}' },
  signInFailed: { zh: '签到失败: {0}', en: 'Sign-in failed: {0}' },
  signedOff: { zh: '签退成功', en: 'Signed off' },
  signOffFailed: { zh: '签退失败: {0}', en: 'Sign-off failed: {0}' },
  reversalSent: {
    zh: '正在发送冲正(凭证号 {0}，第 {1} 次)…',
    en: 'Sending the reversal of {0} (try {1})…',
  },
  reversalAnswered: { zh: '冲正成功(凭证号 {0})', en: 'Reversal of {0} accepted' },
  reversalUnanswered: { zh: '冲正无应答(凭证号 {0})', en: 'Reversal of {0} not answered' },
  reversalAbandoned: {
    zh: '冲正多次失败，已放弃(凭证号 {0})，请联系收单机构',
    en: 'Reversal of {0} abandoned after repeated failures; call the acquirer',
  },
  signInRequested: { zh: '主机要求重新签到，正在签到…', en: 'The host asks for a new sign-in…' },
  uploadSent: { zh: '批上送 {0} 笔…', en: 'Uploading {0} records…' },
} as const satisfies Record<string, Record<SlipLanguage, string>>;

export type TextKey = keyof typeof TEXTS;

/** The text in the language, with `{0}`, `{1}` … replaced by the arguments. */
export function textOf(lang: SlipLanguage, key: TextKey, ...args: readonly string[]): string {
  return TEXTS[key][lang].replace(
    /\{(\d)\}/g,
    (_match, index: string) => args[Number(index)] ?? '',
  );
}
