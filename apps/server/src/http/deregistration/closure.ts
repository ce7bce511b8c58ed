// A merchant's charges and closure record as the API shows them: amounts as decimal strings of
// fen, instants as ISO strings.
import type { ChargeBody, ClosureBody } from '@shoudan/contracts';
import { type Db, platform } from '@shoudan/db';

export async function chargesOf(db: Db, merchantId: string): Promise<ChargeBody[]> {
  const rows = await platform.deregistration.listCharges(db, merchantId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'deposit' | 'service_fee',
    service: r.service,
    amountFen: r.amountFen.toString(),
    paidAt: r.paidAt.toISOString(),
    coversFrom: r.coversFrom,
    coversUntil: r.coversUntil,
    refundFen: r.refundFen === null ? null : r.refundFen.toString(),
    refundedAt: r.refundedAt?.toISOString() ?? null,
  }));
}

/** The merchant's closure record, or undefined while it is not closed. */
export async function closureOf(db: Db, merchantId: string): Promise<ClosureBody | undefined> {
  const row = await platform.deregistration.findClosure(db, merchantId);
  if (!row) return undefined;
  const application = await platform.applications.findApplication(db, row.applicationId);
  return {
    merchantId: row.merchantId,
    applicationId: row.applicationId,
    applicationNo: application?.applicationNo ?? null,
    closedAt: row.closedAt.toISOString(),
    closedBy: row.closedBy,
    depositRefundFen: row.depositRefundFen.toString(),
    feeRefundFen: row.feeRefundFen.toString(),
    feeEarnedFen: row.feeEarnedFen.toString(),
    refundFen: (row.depositRefundFen + row.feeRefundFen).toString(),
    journalEntryIds: row.journalEntryIds,
    summary: row.summary as Record<string, unknown>,
    charges: await chargesOf(db, merchantId),
  };
}
