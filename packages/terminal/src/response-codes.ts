// What the POS screen says: field 39 codes (shared/cup-8583.md §6) and the terminal's own
// failures, in Chinese and English; and why a void was refused, from the code and the journal.
import type { FailureReason, SlipLanguage } from './types.ts';

type Text = { readonly zh: string; readonly en: string };

const RESPONSE_CODES: Readonly<Record<string, Text>> = {
  '00': { zh: '交易成功', en: 'Approved' },
  '01': { zh: '请持卡人与发卡行联系', en: 'Refer to issuer' },
  '03': { zh: '无效商户', en: 'Invalid merchant' },
  '04': { zh: '没收卡', en: 'Pick up card' },
  '05': { zh: '不予承兑', en: 'Do not honour' },
  '10': { zh: '部分承兑', en: 'Partial approval' },
  '11': { zh: '成功，VIP客户', en: 'Approved (VIP)' },
  '12': { zh: '无效交易', en: 'Invalid transaction' },
  '13': { zh: '无效金额', en: 'Invalid amount' },
  '14': { zh: '无效卡号', en: 'Invalid card number' },
  '15': { zh: '无此发卡行', en: 'No such issuer' },
  '21': { zh: '卡未初始化', en: 'Card not initialised' },
  '22': { zh: '操作有误或超出交易允许天数', en: 'Operation error or beyond the allowed days' },
  '25': { zh: '没有原始交易', en: 'Original transaction not found' },
  '30': { zh: '报文格式错误', en: 'Format error' },
  '34': { zh: '作弊卡', en: 'Fraud card' },
  '38': { zh: '密码错误次数超限，请与发卡行联系', en: 'PIN tries exceeded, contact issuer' },
  '40': { zh: '发卡行不支持的交易', en: 'Function not supported' },
  '41': { zh: '挂失卡', en: 'Lost card' },
  '43': { zh: '被窃卡', en: 'Stolen card' },
  '45': { zh: '请插入芯片卡', en: 'Chip card: insert the card' },
  '51': { zh: '余额不足', en: 'Insufficient funds' },
  '54': { zh: '过期卡', en: 'Expired card' },
  '55': { zh: '密码错', en: 'Wrong PIN' },
  '57': { zh: '不允许持卡人进行的交易', en: 'Not permitted to cardholder' },
  '58': { zh: '不允许终端进行的交易', en: 'Not permitted on this terminal' },
  '59': { zh: '卡片校验错', en: 'Card verification error' },
  '61': { zh: '超出金额限制', en: 'Exceeds amount limit' },
  '62': { zh: '受限制的卡', en: 'Restricted card' },
  '64': { zh: '原始金额不正确', en: 'Original amount incorrect' },
  '65': { zh: '超出消费次数限制', en: 'Exceeds frequency limit' },
  '68': { zh: '交易超时，请重试', en: 'Answer too late, try again' },
  '75': { zh: '密码错误次数超限', en: 'PIN tries exceeded' },
  '90': { zh: '日切处理中，请稍后重试', en: 'Cutoff in progress, try later' },
  '91': { zh: '发卡行不能操作', en: 'Issuer unavailable' },
  '92': { zh: '发卡行线路故障', en: 'Issuer line fault' },
  '94': { zh: '重复交易', en: 'Duplicate transaction' },
  '96': { zh: '系统故障', en: 'System malfunction' },
  '97': { zh: '终端未登记', en: 'Terminal not registered' },
  '98': { zh: '发卡行超时', en: 'No answer from the issuer' },
  '99': { zh: 'PIN格式错，请重新签到', en: 'PIN format error, sign in again' },
  A0: { zh: 'MAC校验错，请重新签到', en: 'MAC check failed, sign in again' },
};

const FAILURES: Readonly<Record<FailureReason, Text>> = {
  not_signed_in: { zh: '终端未签到，请先签到', en: 'Not signed in: sign in first' },
  invalid_input: { zh: '输入有误', en: 'Invalid input' },
  connect_failed: { zh: '连接主机失败', en: 'Cannot connect to the host' },
  no_answer: { zh: '交易超时，无应答', en: 'No answer from the host' },
  invalid_answer: { zh: '应答报文无效', en: 'Invalid answer from the host' },
  mac_invalid: { zh: '应答MAC校验错', en: 'MAC of the answer is wrong' },
  storage_failed: { zh: '终端存储失败', en: 'The terminal could not store the transaction' },
  reversal_unanswered: {
    zh: '冲正未成功，请稍后重试',
    en: 'The pending reversal was not answered; try again later',
  },
  reversal_abandoned: {
    zh: '冲正多次失败，已放弃，请联系收单机构',
    en: 'The reversal failed too often and was abandoned; call the acquirer',
  },
  original_not_found: { zh: '原交易不存在', en: 'Original transaction not found' },
  already_voided: { zh: '原交易已撤销', en: 'The original was already voided' },
  batch_settled: { zh: '已结算，请使用退货', en: 'Already settled: use a refund' },
  check_value_mismatch: {
    zh: '工作密钥校验值错，签到失败',
    en: 'Working-key check value wrong: sign-in refused',
  },
  key_layout_invalid: {
    zh: '工作密钥格式错，签到失败',
    en: 'Working keys unreadable: sign-in refused',
  },
  upload_failed: { zh: '批上送失败，批次未关闭', en: 'Batch upload failed: the batch stays open' },
};

/** The text of a field 39 code, or a generic decline for codes the table does not know. */
export function describeResponseCode(code: string, lang: SlipLanguage): string {
  const text = RESPONSE_CODES[code];
  if (text !== undefined) return text[lang];
  return lang === 'zh' ? `交易失败(${code})` : `Declined (${code})`;
}

export function describeFailure(reason: FailureReason, lang: SlipLanguage): string {
  return FAILURES[reason][lang];
}

/**
 * Why the host refused a void: its 63.2 text when it sent one; else, for 12 (refused as invalid
 * — most often because the sale was settled at the host's cutoff) the refund hint; else the code.
 */
export function explainVoidDecline(
  decline: { readonly responseCode: string; readonly responseText?: string },
  lang: SlipLanguage,
): string {
  const text = decline.responseText?.trim();
  if (text) return text;
  if (decline.responseCode === '12') return FAILURES.batch_settled[lang];
  return describeResponseCode(decline.responseCode, lang);
}
