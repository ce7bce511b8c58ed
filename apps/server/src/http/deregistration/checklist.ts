// The deregistration checklist as the API shows it: the store's facts evaluated by core, with the
// charges the merchant would get back if closed today.
import { z } from 'zod';
import {
  calendarDateOf,
  closeOutCharge,
  deregistrationChecklist,
  refundTotals,
  type DeregistrationFacts,
} from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { OutcomeError } from '../errors.ts';
import { Fen } from '../schemas.ts';

const Text = z.object({ zh: z.string(), en: z.string() });

export const CheckBody = z.object({
  key: z.string(),
  passed: z.boolean(),
  message: Text,
  action: Text,
  detail: z.record(z.string(), z.unknown()),
});

export const RefundEstimateBody = z.object({
  /** The Shanghai calendar date the estimate closes the account on. */
  asOf: z.string(),
  depositRefundFen: Fen,
  feeRefundFen: Fen,
});

export const ChecklistBody = z.object({
  merchantId: z.string(),
  merchantStatus: z.string(),
  passed: z.boolean(),
  checks: z.array(CheckBody),
  refundEstimate: RefundEstimateBody,
});

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
): Promise<z.infer<typeof RefundEstimateBody>> {
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

export async function checklistBody(
  db: Db,
  merchantId: string,
  at: Date,
): Promise<z.infer<typeof ChecklistBody>> {
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
