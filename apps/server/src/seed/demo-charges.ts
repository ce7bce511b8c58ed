// What each demo merchant paid at onboarding: a ¥99 terminal deposit (押金) and a year of the
// platform's service fee (服务费, ¥365), received through the ledger, so that deregistration has
// something to refund.
import {
  addDays,
  businessDateOf,
  calendarDateOf,
  type Ids,
  type PaymentRules,
} from '@shoudan/core';
import { platform, type Db } from '@shoudan/db';

export const DEMO_DEPOSIT_FEN = 9_900n;
export const DEMO_SERVICE_FEE_FEN = 36_500n;

/** Records the merchant's deposit and prepaid fee, paid at `at`, in one transaction. */
export async function recordDemoCharges(
  db: Db,
  input: {
    readonly ids: Ids;
    readonly rules: PaymentRules;
    readonly merchantId: string;
    readonly at: Date;
  },
): Promise<void> {
  const { ids, merchantId, at } = input;
  const businessDate = businessDateOf(at, input.rules.cutoffTime);
  const coversFrom = calendarDateOf(at);
  const charges = [
    { kind: 'deposit' as const, amountFen: DEMO_DEPOSIT_FEN, coversFrom: null, coversUntil: null },
    {
      kind: 'service_fee' as const,
      amountFen: DEMO_SERVICE_FEE_FEN,
      coversFrom,
      coversUntil: addDays(coversFrom, 364),
    },
  ];
  await db.transaction(async (tx) => {
    for (const c of charges) {
      await platform.deregistration.recordCharge(tx, {
        charge: { id: ids.next(), merchantId, service: null, paidAt: at, ...c },
        entryId: ids.next(),
        businessDate,
      });
    }
  });
}
