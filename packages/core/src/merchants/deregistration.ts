// Account deregistration (注销账户) pre-checks: the facts a store reads about a merchant go in, the
// checklist the merchant sees comes out, and whether an application may be submitted or approved.
// Pure: no clock, no storage; the same evaluation at submission and again at approval.
import type { BusinessDate } from '../shared/business-date.ts';
import { formatYuan } from '../shared/money.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { MerchantStatus, TerminalStatus } from '../payments/store.ts';

/** The checks of DESIGN.md, in the order the merchant sees them. */
export const DEREGISTRATION_CHECKS = [
  'batches_settled',
  'sales_settled',
  'refunds_settled',
  'payouts_paid',
  'balances_zero',
  'terminals_returned',
] as const;
export type DeregistrationCheckKey = (typeof DEREGISTRATION_CHECKS)[number];

/** A terminal batch still open with transactions in it (the terminal has not settled: 结算). */
export type OpenBatchFact = {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly transactionCount: number;
};

/** Approved sales or refunds of one business date the merchant has no settlement for yet. */
export type UnsettledDayFact = {
  readonly businessDate: BusinessDate;
  readonly count: number;
  readonly amountFen: bigint;
};

/**
 * A settlement whose payout (> 0) was instructed but is not yet confirmed paid (status 'payable').
 * It blocks: until the bank confirms, a returned transfer would have no open account to go to.
 */
export type UnpaidPayoutFact = {
  readonly businessDate: BusinessDate;
  readonly payableDate: BusinessDate;
  readonly payoutFen: bigint;
};

export type TerminalFact = {
  readonly terminalId: string;
  readonly status: TerminalStatus;
  readonly frozenReason: string | null;
};

export type DeregistrationFacts = {
  readonly merchantStatus: MerchantStatus;
  readonly openBatches: readonly OpenBatchFact[];
  readonly unsettledSales: readonly UnsettledDayFact[];
  readonly pendingRefunds: readonly UnsettledDayFact[];
  readonly unpaidPayouts: readonly UnpaidPayoutFact[];
  /** What the acquirer owes the merchant for sales not yet settled (ledger merchant_pending). */
  readonly pendingFen: bigint;
  /** Settled, not paid out; negative when the merchant owes a carried debt (merchant_payable). */
  readonly payableFen: bigint;
  readonly terminals: readonly TerminalFact[];
};

export type Text = { readonly zh: string; readonly en: string };

export type DeregistrationCheck = {
  readonly key: DeregistrationCheckKey;
  readonly passed: boolean;
  /** What was found. */
  readonly message: Text;
  /** What the merchant must do for the check to pass. */
  readonly action: Text;
  /** The facts behind it, JSON-ready (fen as decimal strings). */
  readonly detail: Readonly<Record<string, unknown>>;
};

export type DeregistrationChecklist = {
  readonly passed: boolean;
  readonly checks: readonly DeregistrationCheck[];
};

const NOTHING_TO_DO: Text = { zh: '无需处理', en: 'Nothing to do' };

const sum = (facts: readonly { count: number }[]) => facts.reduce((a, f) => a + f.count, 0);
const datesOf = (facts: readonly { businessDate: string }[]) =>
  facts.map((f) => f.businessDate).join(', ');
const dayDetail = (facts: readonly UnsettledDayFact[]) =>
  facts.map((f) => ({ ...f, amountFen: f.amountFen.toString() }));

function check(
  key: DeregistrationCheckKey,
  passed: boolean,
  texts: { readonly ok: Text; readonly failed: Text; readonly action: Text },
  detail: Record<string, unknown>,
): DeregistrationCheck {
  return {
    key,
    passed,
    message: passed ? texts.ok : texts.failed,
    action: passed ? NOTHING_TO_DO : texts.action,
    detail,
  };
}

function batchesSettled(facts: DeregistrationFacts): DeregistrationCheck {
  const n = facts.openBatches.length;
  return check(
    'batches_settled',
    n === 0,
    {
      ok: { zh: '没有未结算的终端批次', en: 'No terminal batch holds unsettled transactions' },
      failed: {
        zh: `${n} 个终端批次尚有交易未结算`,
        en: `${n} terminal batch(es) still hold transactions`,
      },
      action: {
        zh: '请在所列终端上执行结算，关闭当前批次',
        en: 'Settle the batch (结算) on each terminal listed',
      },
    },
    { batches: facts.openBatches },
  );
}

function salesSettled(facts: DeregistrationFacts): DeregistrationCheck {
  const n = sum(facts.unsettledSales);
  const dates = datesOf(facts.unsettledSales);
  return check(
    'sales_settled',
    n === 0,
    {
      ok: { zh: '所有交易均已结算', en: 'Every sale has been settled' },
      failed: {
        zh: `${n} 笔交易尚未完成商户结算（${dates}）`,
        en: `${n} sale(s) not yet settled (${dates})`,
      },
      action: {
        zh: '请等待日切及商户结算完成（通常为 T+1）',
        en: 'Wait for the cutoff and the merchant settlement of those dates (usually T+1)',
      },
    },
    { days: dayDetail(facts.unsettledSales) },
  );
}

function refundsSettled(facts: DeregistrationFacts): DeregistrationCheck {
  const n = sum(facts.pendingRefunds);
  const dates = datesOf(facts.pendingRefunds);
  return check(
    'refunds_settled',
    n === 0,
    {
      ok: { zh: '没有处理中的退货', en: 'No refund is pending' },
      failed: {
        zh: `${n} 笔退货尚未结算（${dates}）`,
        en: `${n} refund(s) not yet settled (${dates})`,
      },
      action: {
        zh: '请等待退货所在日期完成商户结算',
        en: "Wait for the merchant settlement of the refunds' dates",
      },
    },
    { days: dayDetail(facts.pendingRefunds) },
  );
}

function payoutsPaid(facts: DeregistrationFacts): DeregistrationCheck {
  const n = facts.unpaidPayouts.length;
  const yuan = formatYuan(facts.unpaidPayouts.reduce((a, p) => a + p.payoutFen, 0n));
  return check(
    'payouts_paid',
    n === 0,
    {
      ok: { zh: '所有结算款均已划付', en: 'Every payout has been paid' },
      failed: {
        zh: `${n} 笔结算款共 ${yuan} 元尚未划付到账`,
        en: `${n} payout(s) of ¥${yuan} not yet paid`,
      },
      action: {
        zh: '请等待结算款到账；如逾期未到，请联系客服',
        en: 'Wait until the payouts reach your bank account; contact support if one is late',
      },
    },
    {
      payouts: facts.unpaidPayouts.map((p) => ({ ...p, payoutFen: p.payoutFen.toString() })),
    },
  );
}

function balancesZero(facts: DeregistrationFacts): DeregistrationCheck {
  const pending = formatYuan(facts.pendingFen);
  const payable = formatYuan(facts.payableFen);
  return check(
    'balances_zero',
    facts.pendingFen === 0n && facts.payableFen === 0n,
    {
      ok: { zh: '账户余额为零', en: 'Balances are zero' },
      failed: {
        zh: `账户尚有余额：待结算 ${pending} 元，待划付 ${payable} 元`,
        en: `Balances are not zero: pending ¥${pending}, payable ¥${payable}`,
      },
      action: {
        zh: '请等待最终结算完成；如账户欠款（金额为负），请联系客服结清',
        en: 'Wait for the final settlement; if you owe a balance (negative), contact support',
      },
    },
    { pendingFen: facts.pendingFen.toString(), payableFen: facts.payableFen.toString() },
  );
}

/** A terminal is done with when returned (deactivated) or reported lost (frozen as lost). */
export function terminalReturned(t: TerminalFact): boolean {
  return t.status === 'deactivated' || (t.status === 'frozen' && t.frozenReason === 'lost');
}

function terminalsReturned(facts: DeregistrationFacts): DeregistrationCheck {
  const left = facts.terminals.filter((t) => !terminalReturned(t));
  return check(
    'terminals_returned',
    left.length === 0,
    {
      ok: { zh: '所有终端均已退还或挂失', en: 'Every terminal has been returned or reported lost' },
      failed: {
        zh: `${left.length} 台终端尚未退还`,
        en: `${left.length} terminal(s) not yet returned`,
      },
      action: {
        zh: '请退还所列终端；遗失的终端请挂失',
        en: 'Return each terminal listed; report a lost one as lost',
      },
    },
    { terminals: left },
  );
}

/** Every check of DESIGN.md on `facts`. */
export function deregistrationChecklist(facts: DeregistrationFacts): DeregistrationChecklist {
  const checks = [
    batchesSettled(facts),
    salesSettled(facts),
    refundsSettled(facts),
    payoutsPaid(facts),
    balancesZero(facts),
    terminalsReturned(facts),
  ];
  return { passed: checks.every((c) => c.passed), checks };
}

/**
 * Whether the merchant may be deregistered now: at submission and again at approval.
 * Outcomes: `merchant_closed`, `deregistration_blocked` (detail.failedChecks: the failing keys,
 * comma-separated, in checklist order).
 */
export function mayDeregister(
  facts: DeregistrationFacts,
): Result<DeregistrationChecklist, Outcome<'merchant_closed' | 'deregistration_blocked'>> {
  if (facts.merchantStatus === 'closed') return err(outcome('merchant_closed'));
  const checklist = deregistrationChecklist(facts);
  if (checklist.passed) return ok(checklist);
  const failed = checklist.checks.filter((c) => !c.passed).map((c) => c.key);
  return err(
    outcome('deregistration_blocked', {
      failedChecks: failed.join(','),
      failedCount: failed.length,
    }),
  );
}
