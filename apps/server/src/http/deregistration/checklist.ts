// The deregistration checklist as the API shows it: the store's facts evaluated by core, with the
// charges the merchant would get back if closed today.
import type { ChecklistBody, RefundEstimateBody } from '@shoudan/contracts';
import {
  calendarDateOf,
  closeOutCharge,
  deregistrationChecklist,
  refundTotals,
  type DeregistrationFacts,
} from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { OutcomeError } from '../errors.ts';

/** The merchant's facts (under locks with `lock`), or `not_found`. */
export async function factsOf(
  db: Db,
  merchantId: string,
  lock: boolean,
): Promise<DeregistrationFacts> {
  const facts = await platform.deregistration.readDeregistrationFacts(db, merchantId, { lock });
  if (!facts) throw new OutcomeError({ code: 'not_found', param: 'merchantId' });
  return facts;
}

/** What the merchant's open charges would refund if the account closed at `at`. */
export async function refundEstimate(
  db: Db,
  merchantId: string,
  at: Date,
): Promise<RefundEstimateBody> {
  const asOf = calendarDateOf(at);
  const charges = (await platform.deregistration.listCharges(db, merchantId))
    .filter((row) => row.refundedAt === null)
    .map((row) => closeOutCharge(platform.deregistration.chargeOf(row), asOf));
  const totals = refundTotals(charges);
  return {
    asOf,
    depositRefundFen: totals.depositRefundFen.toString(),
    feeRefundFen: totals.feeRefundFen.toString(),
  };
}

export async function checklistBody(db: Db, merchantId: string, at: Date): Promise<ChecklistBody> {
  const facts = await factsOf(db, merchantId, false);
  const checklist = deregistrationChecklist(facts);
  return {
    merchantId,
    merchantStatus: facts.merchantStatus,
    passed: checklist.passed,
    checks: checklist.checks.map((c) => ({ ...c, detail: { ...c.detail } })),
    refundEstimate: await refundEstimate(db, merchantId, at),
  };
}
