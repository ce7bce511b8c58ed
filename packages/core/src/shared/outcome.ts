// The one catalogue of expected outcomes (declines, refused rules, not-found, conflicts), in two
// parts: payment outcomes, which adapters map to field 39 in the gateway and to an HTTP status in
// the API, and platform outcomes (sign-in, applications and review, self-service), which only the
// API answers and which never reach a terminal.

/** How an outcome should be treated by callers: decides retry and HTTP status. */
export type OutcomeCategory =
  | 'declined'
  | 'invalid'
  | 'conflict'
  | 'not_found'
  | 'unavailable'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited';

type Entry = { readonly category: OutcomeCategory; readonly en: string; readonly zh: string };

export const OUTCOMES = {
  // Who is asking.
  terminal_not_found: { category: 'not_found', en: 'Terminal not registered', zh: '终端未登记' },
  terminal_not_active: { category: 'declined', en: 'Terminal not active', zh: '终端未启用' },
  terminal_frozen: {
    category: 'declined',
    en: 'Terminal frozen or reported lost',
    zh: '终端已冻结',
  },
  terminal_not_signed_in: { category: 'declined', en: 'Terminal not signed in', zh: '终端未签到' },
  merchant_not_active: { category: 'declined', en: 'Merchant not active', zh: '商户状态异常' },
  service_not_active: {
    category: 'declined',
    en: 'This kind of payment is not enabled for the merchant',
    zh: '商户未开通该业务',
  },
  batch_not_open: {
    category: 'conflict',
    en: 'Batch number is not the open batch; sign in again',
    zh: '批次号不符，请重新签到',
  },
  fee_rate_missing: {
    category: 'unavailable',
    en: 'No fee rate configured for this service',
    zh: '商户费率未配置',
  },
  // The card network's answer.
  card_declined: { category: 'declined', en: 'Declined by the issuer', zh: '发卡行拒绝' },
  insufficient_funds: { category: 'declined', en: 'Insufficient funds', zh: '余额不足' },
  wrong_pin: { category: 'declined', en: 'Wrong PIN', zh: '密码错误' },
  card_expired: { category: 'declined', en: 'Card expired', zh: '卡已过期' },
  network_timeout: {
    category: 'unavailable',
    en: 'No answer from the card network; the request was reversed',
    zh: '交易超时，已冲正',
  },
  // The request itself.
  invalid_amount: {
    category: 'invalid',
    en: 'Amount must be a positive number of fen',
    zh: '金额无效',
  },
  invalid_card_number: { category: 'invalid', en: 'Invalid card number', zh: '无效卡号' },
  duplicate_with_different_content: {
    category: 'conflict',
    en: 'Voucher number already used by a different request',
    zh: '重复交易',
  },
  // Voids, refunds and reversals of an original.
  original_not_found: {
    category: 'not_found',
    en: 'Original transaction not found',
    zh: '原交易不存在',
  },
  original_not_approved: {
    category: 'conflict',
    en: 'Original transaction was not approved',
    zh: '原交易未成功',
  },
  amount_mismatch: {
    category: 'invalid',
    en: 'Amount differs from the original transaction',
    zh: '原交易金额不符',
  },
  already_voided: {
    category: 'conflict',
    en: 'Original transaction already voided',
    zh: '原交易已撤销',
  },
  already_refunded: {
    category: 'conflict',
    en: 'Original transaction has refunds',
    zh: '原交易已退货',
  },
  already_reversed: {
    category: 'conflict',
    en: 'Original transaction was reversed',
    zh: '原交易已冲正',
  },
  void_window_closed: {
    category: 'conflict',
    en: 'Already settled: use a refund instead',
    zh: '已结算，请使用退货',
  },
  refund_not_yet_allowed: {
    category: 'conflict',
    en: 'Not settled yet: void the sale instead',
    zh: '未结算，请使用撤销',
  },
  refund_window_expired: {
    category: 'conflict',
    en: 'Refund window has passed',
    zh: '超过退货期限',
  },
  refund_exceeds_original: {
    category: 'invalid',
    en: 'Refunds would exceed the original amount',
    zh: '退货金额超限',
  },
  reversal_window_closed: {
    category: 'conflict',
    en: 'Too late to reverse: the original is settled; refund it instead',
    zh: '原交易已结算，无法冲正',
  },
  reversal_not_allowed: {
    category: 'conflict',
    en: 'The original has later voids or refunds and cannot be reversed',
    zh: '原交易不允许冲正',
  },
  // Cutoff and settlement.
  cutoff_too_early: {
    category: 'conflict',
    en: 'The business date has not reached its cutoff time',
    zh: '未到日切时间',
  },
  business_date_not_cut_off: {
    category: 'conflict',
    en: 'The business date is still open: run the cutoff first',
    zh: '未日切，不能结算',
  },
} as const satisfies Record<string, Entry>;

export type OutcomeCode = keyof typeof OUTCOMES;

export const OUTCOME_CODES = Object.keys(OUTCOMES) as OutcomeCode[];

/** Outcomes of the merchant platform and the ops console. */
export const PLATFORM_OUTCOMES = {
  // Who is asking.
  unauthenticated: { category: 'unauthenticated', en: 'Sign in first', zh: '请先登录' },
  invalid_credentials: {
    category: 'unauthenticated',
    en: 'Wrong phone number, username or password',
    zh: '账号或密码错误',
  },
  account_locked: {
    category: 'rate_limited',
    en: 'Too many failed sign-ins: try again later',
    zh: '登录失败次数过多，请稍后再试',
  },
  csrf_token_invalid: {
    category: 'forbidden',
    en: 'Missing or wrong CSRF token',
    zh: '请求校验失败，请刷新页面',
  },
  forbidden: { category: 'forbidden', en: 'Not allowed for your role', zh: '无权限' },
  // The request itself.
  validation_failed: { category: 'invalid', en: 'A field is missing or wrong', zh: '参数有误' },
  idempotency_key_reused: {
    category: 'conflict',
    en: 'This Idempotency-Key was used with a different request',
    zh: '幂等键已用于其他请求',
  },
  not_found: { category: 'not_found', en: 'Not found', zh: '未找到' },
  // Applications and review.
  application_not_pending: {
    category: 'conflict',
    en: 'The application is no longer in a state that allows this',
    zh: '申请当前状态不允许此操作',
  },
  own_application: {
    category: 'forbidden',
    en: 'Nobody may review their own application',
    zh: '不能审核本人提交的申请',
  },
  application_already_open: {
    category: 'conflict',
    en: 'An application of this kind is already open',
    zh: '已有同类申请在处理中',
  },
  deregistration_blocked: {
    category: 'conflict',
    en: 'The account cannot be deregistered yet: see the checklist',
    zh: '暂不满足注销条件，请查看检查项',
  },
  merchant_closed: { category: 'conflict', en: 'The merchant is closed', zh: '商户已注销' },
  service_not_revocable: {
    category: 'conflict',
    en: 'Only an active service can be revoked',
    zh: '该服务未开通，无法撤销',
  },
  service_already_active: {
    category: 'conflict',
    en: 'The service is already active',
    zh: '该服务已开通',
  },
  // Rate changes (调价).
  rate_change_notice_too_short: {
    category: 'invalid',
    en: 'A rate change must be announced at least the notice period ahead',
    zh: '调价生效时间须晚于公告期',
  },
  rate_already_scheduled: {
    category: 'conflict',
    en: 'A rate for this service already takes effect at that instant',
    zh: '该业务在此时间已有生效费率',
  },
  // Self-service: terminals and support tickets.
  terminal_deactivated: {
    category: 'conflict',
    en: 'The terminal is deactivated',
    zh: '终端已停用',
  },
  ticket_closed: { category: 'conflict', en: 'The ticket is closed', zh: '工单已关闭' },
  // Onboarding (进件), terminal inventory and shipping.
  inventory_empty: {
    category: 'conflict',
    en: 'No terminal in stock to allocate: add devices to the inventory first',
    zh: '终端库存不足，无法分配',
  },
  phone_already_registered: {
    category: 'conflict',
    en: 'This mobile number already signs in to an active merchant',
    zh: '该手机号已绑定其他商户',
  },
  document_too_large: {
    category: 'invalid',
    en: 'The document is larger than allowed',
    zh: '文件过大',
  },
  document_type_not_allowed: {
    category: 'invalid',
    en: 'Only JPEG, PNG and PDF documents are accepted',
    zh: '仅支持 JPEG、PNG、PDF 文件',
  },
  serial_no_taken: {
    category: 'conflict',
    en: 'A device with this serial number is already registered',
    zh: '该序列号已登记',
  },
  device_not_allocated: {
    category: 'conflict',
    en: 'Only a device allocated to a merchant and not yet shipped can be shipped',
    zh: '该终端未分配或已发货',
  },
  owner_password_already_set: {
    category: 'conflict',
    en: "The owner's password is already set: sign in, or reset it",
    zh: '店主密码已设置，请直接登录',
  },
  statement_pdf_unavailable: {
    category: 'unavailable',
    en: 'PDF statements need the Noto CJK font (Debian package fonts-noto-cjk); use the CSV',
    zh: '暂不能生成PDF对账单（缺少中文字体），请下载CSV',
  },
} as const satisfies Record<string, Entry>;

export type PlatformOutcomeCode = keyof typeof PLATFORM_OUTCOMES;

export const PLATFORM_OUTCOME_CODES = Object.keys(PLATFORM_OUTCOMES) as PlatformOutcomeCode[];

/** Every code an API answer may carry. */
export type AnyOutcomeCode = OutcomeCode | PlatformOutcomeCode;

/** An expected, non-successful result of a use case. `detail` carries facts for the message. */
export type Outcome<C extends AnyOutcomeCode = OutcomeCode> = {
  readonly code: C;
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
};

export function outcome<C extends AnyOutcomeCode>(
  code: C,
  detail?: Record<string, string | number | boolean | null>,
): Outcome<C> {
  return detail ? { code, detail } : { code };
}

/** The catalogue entry of any code, payment or platform. */
export function outcomeEntry(code: AnyOutcomeCode): Entry {
  return code in OUTCOMES
    ? OUTCOMES[code as OutcomeCode]
    : PLATFORM_OUTCOMES[code as PlatformOutcomeCode];
}

export function categoryOf(code: AnyOutcomeCode): OutcomeCategory {
  return outcomeEntry(code).category;
}
