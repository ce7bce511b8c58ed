// A transaction as the merchant platform shows it: amounts and fees as decimal strings of fen,
// batch and voucher numbers as the slip prints them, the card number only masked.
import type { TransactionBody } from '@shoudan/contracts';
import type { platform } from '@shoudan/db';

type TransactionRow = platform.transactions.TransactionRow;

/** Six digits, as on the slip (凭证号, 批次号). */
export const sixDigits = (n: number) => String(n).padStart(6, '0');

export function transactionBody(row: TransactionRow): TransactionBody {
  return {
    id: row.id,
    terminalId: row.terminalId,
    batchNo: sixDigits(row.batchNo),
    voucherNo: sixDigits(row.voucherNo),
    kind: row.kind as TransactionBody['kind'],
    status: row.status as TransactionBody['status'],
    outcomeCode: row.outcomeCode,
    amountFen: row.amountFen.toString(),
    feeFen: row.feeFen.toString(),
    feeRateBps: row.feeRateBps,
    refundedFen: row.refundedFen.toString(),
    service: row.service,
    paymentMethod: row.paymentMethod,
    panMasked: row.panMasked,
    cardOrg: row.cardOrg,
    rrn: row.rrn,
    authCode: row.authCode,
    originalId: row.originalId,
    businessDate: row.businessDate,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}
