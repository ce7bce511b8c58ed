// The demo world's fixed facts: the acquirer's fee plan, the merchants (realistic names, numbers,
// ticket sizes), terminal numbering, and how a seeded cashier picks a way to pay.
import { TEST_CARDS, type PaymentMethod, type Random, type Service } from '@shoudan/core';

type DemoRate = { service: Service; rateBps: number; capFen: bigint | null };

/** The acquirer's standard plan: debit 0.5 % capped at ¥20, credit 0.6 %, QR 0.38 %, D0 0.05 %. */
export const DEMO_FEE_PLAN = {
  name: '收单标准费率',
  rates: [
    { service: 'card_debit', rateBps: 50, capFen: 2000n },
    { service: 'card_credit', rateBps: 60, capFen: null },
    { service: 'unionpay_qr', rateBps: 38, capFen: null },
    { service: 'wechat_pay', rateBps: 38, capFen: null },
    { service: 'alipay', rateBps: 38, capFen: null },
    { service: 'd0_settlement', rateBps: 5, capFen: null },
  ],
} as const satisfies { name: string; rates: readonly DemoRate[] };

export const PAYMENT_SERVICES: readonly Service[] = [
  'card_debit',
  'card_credit',
  'unionpay_qr',
  'wechat_pay',
  'alipay',
];

export type DemoMerchantSpec = {
  readonly name: string;
  readonly merchantType: 'individual' | 'enterprise';
  /** Four-digit area code inside the merchant number (3100 Shanghai, 1000 Beijing …). */
  readonly areaCode: string;
  /** Merchant category code (ISO 18245). */
  readonly mcc: string;
  /** Typical ticket, in fen. */
  readonly ticketMinFen: number;
  readonly ticketMaxFen: number;
  /** Sales per terminal per business day. */
  readonly salesMin: number;
  readonly salesMax: number;
  /** Same-day (D0) settlement, a paid service. */
  readonly d0: boolean;
  /** A service the merchant has revoked (撤销服务) during the demo period. */
  readonly revokes: Service | null;
};

const base = { salesMin: 3, salesMax: 6, d0: false, revokes: null } as const;

export const DEMO_MERCHANTS: readonly DemoMerchantSpec[] = [
  {
    ...base,
    name: '上海静安味道餐饮有限公司',
    merchantType: 'enterprise',
    areaCode: '3100',
    mcc: '5812',
    ticketMinFen: 3_800,
    ticketMaxFen: 68_000,
  },
  {
    ...base,
    name: '张记便利店',
    merchantType: 'individual',
    areaCode: '3100',
    mcc: '5411',
    ticketMinFen: 600,
    ticketMaxFen: 12_000,
    salesMin: 4,
    salesMax: 7,
  },
  {
    ...base,
    name: '北京朝阳悦来超市有限公司',
    merchantType: 'enterprise',
    areaCode: '1000',
    mcc: '5411',
    ticketMinFen: 1_500,
    ticketMaxFen: 90_000,
  },
  {
    ...base,
    name: '杭州西湖龙井茶叶经营部',
    merchantType: 'individual',
    areaCode: '3310',
    mcc: '5499',
    ticketMinFen: 8_800,
    ticketMaxFen: 260_000,
    revokes: 'card_credit',
  },
  {
    ...base,
    name: '深圳南山数码科技有限公司',
    merchantType: 'enterprise',
    areaCode: '5840',
    mcc: '5732',
    ticketMinFen: 29_900,
    ticketMaxFen: 899_900,
    d0: true,
  },
  {
    ...base,
    name: '成都锦江李姐服装店',
    merchantType: 'individual',
    areaCode: '6510',
    mcc: '5651',
    ticketMinFen: 5_900,
    ticketMaxFen: 59_900,
  },
];

const EXTRA_AREAS = [
  { city: '南京鼓楼', areaCode: '3010' },
  { city: '武汉江汉', areaCode: '5210' },
  { city: '西安雁塔', areaCode: '7910' },
  { city: '广州天河', areaCode: '5810' },
  { city: '苏州姑苏', areaCode: '3050' },
];
const EXTRA_TRADES = [
  { trade: '鲜花店', mcc: '5992' },
  { trade: '面馆', mcc: '5814' },
  { trade: '药房', mcc: '5912' },
  { trade: '书店', mcc: '5942' },
];

/** The spec of merchant `index`: the six named ones, then generated ones. */
export function merchantSpec(index: number): DemoMerchantSpec {
  const named = DEMO_MERCHANTS[index];
  if (named) return named;
  const n = index - DEMO_MERCHANTS.length;
  const area = EXTRA_AREAS[n % EXTRA_AREAS.length] ?? EXTRA_AREAS[0];
  const trade = EXTRA_TRADES[Math.floor(n / EXTRA_AREAS.length) % EXTRA_TRADES.length];
  const round = Math.floor(n / (EXTRA_AREAS.length * EXTRA_TRADES.length));
  return {
    ...base,
    name: `${area?.city ?? ''}${round > 0 ? `第${round + 1}` : ''}${trade?.trade ?? '商店'}`,
    merchantType: n % 2 === 0 ? 'individual' : 'enterprise',
    areaCode: area?.areaCode ?? '3100',
    mcc: trade?.mcc ?? '5999',
    ticketMinFen: 1_000,
    ticketMaxFen: 30_000,
  };
}

/** 商户号: 898 + area code + MCC + four-digit sequence = 15 digits. */
export function merchantNoOf(spec: DemoMerchantSpec, index: number): string {
  return `898${spec.areaCode}${spec.mcc}${String(index + 1).padStart(4, '0')}`;
}

/** 终端号: two digits of the area, the merchant's sequence and the terminal's = 8 characters. */
export function terminalIdOf(spec: DemoMerchantSpec, index: number, terminal: number): string {
  const seq = String(index + 1).padStart(4, '0');
  return `${spec.areaCode.slice(0, 2)}${seq}${String(terminal + 1).padStart(2, '0')}`;
}

/** How a customer pays: a card (by PAN) or a QR payer code. */
export type Tender =
  | { readonly method: 'card'; readonly pan: string }
  | { readonly method: Exclude<PaymentMethod, 'card'>; readonly payerCode: string };

const DECLINING_CARDS = [
  TEST_CARDS.insufficientFunds,
  TEST_CARDS.wrongPin,
  TEST_CARDS.declined,
  TEST_CARDS.expired,
  TEST_CARDS.timeout,
];

/** Mostly domestic debit and credit cards and QR codes; a few foreign cards and declines. */
export function pickTender(random: Random): Tender {
  const r = random.next();
  if (r < 0.4) return { method: 'card', pan: TEST_CARDS.debit };
  if (r < 0.62) return { method: 'card', pan: TEST_CARDS.credit };
  if (r < 0.7) return { method: 'unionpay_qr', payerCode: digits(random, '62', 19) };
  if (r < 0.8) return { method: 'wechat_pay', payerCode: digits(random, '13', 18) };
  if (r < 0.88) return { method: 'alipay', payerCode: digits(random, '28', 18) };
  if (r < 0.92) return { method: 'card', pan: TEST_CARDS.foreignCredit };
  const pan = DECLINING_CARDS[random.int(0, DECLINING_CARDS.length - 1)] ?? TEST_CARDS.declined;
  return { method: 'card', pan };
}

/** A ticket amount in whole yuan, sometimes with 50 fen. */
export function pickAmountFen(random: Random, spec: DemoMerchantSpec): bigint {
  const yuan = random.int(Math.ceil(spec.ticketMinFen / 100), Math.floor(spec.ticketMaxFen / 100));
  return BigInt(yuan * 100 + (random.next() < 0.3 ? 50 : 0));
}

function digits(random: Random, prefix: string, length: number): string {
  let text = prefix;
  while (text.length < length) text += String(random.int(0, 9));
  return text;
}
