// The review of a deregistration application: the checklist again at approval, under the locks
// that keep it true until commit, then the closure in the approval's transaction: the account
// closed, the deposit and unused fees refunded through the ledger, and the closure recorded.
import {
  businessDateOf,
  calendarDateOf,
  chargeClosedEntry,
  closeOutCharge,
  mayDeregister,
  refundTotals,
  type ChargeCloseOut,
} from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationHandler, ExecutionContext } from '../applications/handlers.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { factsOf } from './checklist.ts';

function merchantOfApplication(ctx: ExecutionContext): string {
  const merchantId = ctx.application.merchantId;
  if (!merchantId) throw new Error(`deregistration ${ctx.application.id} has no merchant`);
  return merchantId;
}

/**
 * Refused with `merchant_closed` or `deregistration_blocked` (detail.failedChecks) when something
 * changed since submission: a new sale, a terminal back in use, a balance.
 */
async function recheck(ctx: ExecutionContext): Promise<void> {
  const facts = await factsOf(ctx.tx, merchantOfApplication(ctx), true);
  const decided = mayDeregister(facts);
  if (!decided.ok) throw new OutcomeError(decided.outcome);
}

type Refunded = {
  readonly closeOuts: readonly ChargeCloseOut[];
  readonly entryIds: readonly string[];
};

/** Closes out every open charge: one entry each, refund and earned part recorded on the charge. */
async function refundCharges(
  deps: HttpDeps,
  tx: Db,
  merchantId: string,
  at: Date,
): Promise<Refunded> {
  const closedOn = calendarDateOf(at);
  const businessDate = businessDateOf(at, deps.services.config.cutoffTime);
  const rows = await platform.deregistration.lockOpenCharges(tx, merchantId);
  const closed = rows.map((row) => {
    const charge = platform.deregistration.chargeOf(row);
    const closeOut = closeOutCharge(charge, closedOn);
    const entry = chargeClosedEntry(charge, closeOut, {
      id: deps.ids.next(),
      businessDate,
      createdAt: at,
    });
    return { chargeId: charge.id, refundFen: closeOut.refundFen, entry, closeOut };
  });
  await platform.deregistration.closeOutCharges(tx, { at, closed });
  return { closeOuts: closed.map((c) => c.closeOut), entryIds: closed.map((c) => c.entry.id) };
}

const fen = (amount: bigint) => amount.toString();

/** The account closed and refunded; what it returns is the application's result. */
async function execute(ctx: ExecutionContext): Promise<Record<string, unknown>> {
  const { deps, tx, at } = ctx;
  const merchantId = merchantOfApplication(ctx);
  const closed = await platform.deregistration.closeMerchantAccount(tx, { merchantId, at });
  const refunded = await refundCharges(deps, tx, merchantId, at);
  const totals = refundTotals(refunded.closeOuts);
  const charges = refunded.closeOuts.map((c) => ({
    chargeId: c.chargeId,
    kind: c.kind,
    amountFen: fen(c.amountFen),
    refundFen: fen(c.refundFen),
    earnedFen: fen(c.earnedFen),
    daysCovered: c.daysCovered,
    daysLeft: c.daysLeft,
  }));
  const summary = { ...closed, charges };
  await platform.deregistration.insertClosure(tx, {
    merchantId,
    applicationId: ctx.application.id,
    closedAt: at,
    closedBy: ctx.reviewer.id,
    depositRefundFen: totals.depositRefundFen,
    feeRefundFen: totals.feeRefundFen,
    feeEarnedFen: totals.feeEarnedFen,
    journalEntryIds: [...refunded.entryIds],
    summary,
  });
  return {
    closedAt: at.toISOString(),
    depositRefundFen: fen(totals.depositRefundFen),
    feeRefundFen: fen(totals.feeRefundFen),
    refundFen: fen(totals.depositRefundFen + totals.feeRefundFen),
    feeEarnedFen: fen(totals.feeEarnedFen),
    journalEntryIds: refunded.entryIds,
    ...summary,
  };
}

/** Reviewed by reviewers (admins may too); registered by routes/deregistration.ts. */
export const deregistrationHandler: ApplicationHandler = {
  reviewers: ['reviewer'],
  recheck,
  execute,
};
