// Balances, settlements and the settlement statement (结算对账单) as the merchant platform shows
// them: every amount a decimal string of fen; the statement's lines add up to its net.
import type { SettlementBody, StatementBody, StatementLineBody } from '@shoudan/contracts';
import { assert, statementLines, type MerchantSettlement, type StatementLine } from '@shoudan/core';
import type { platform } from '@shoudan/db';

export function settlementBody(row: platform.transactions.SettlementRow): SettlementBody {
  return {
    id: row.id,
    businessDate: row.businessDate,
    saleCount: row.saleCount,
    grossFen: row.grossFen.toString(),
    feeFen: row.feeFen.toString(),
    refundCount: row.refundCount,
    refundFen: row.refundFen.toString(),
    d0FeeFen: row.d0FeeFen.toString(),
    carriedInFen: row.carriedInFen.toString(),
    netFen: row.netFen.toString(),
    payoutFen: row.payoutFen.toString(),
    carriedOutFen: row.carriedOutFen.toString(),
    settlementMode: row.settlementMode as 't1' | 'd0',
    payableDate: row.payableDate,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

function lineBody(line: StatementLine): StatementLineBody {
  return {
    kind: line.kind,
    at: line.at?.toISOString() ?? null,
    terminalId: line.terminalId,
    voucherNo: line.voucherNo,
    rrn: line.rrn,
    panMasked: line.panMasked,
    amountFen: line.amountFen.toString(),
    feeFen: line.feeFen.toString(),
    netFen: line.netFen.toString(),
  };
}

/** The statement core writes as CSV, as JSON; a defect if its lines do not add up. */
export function statementBody(
  settlement: MerchantSettlement,
  transactions: Parameters<typeof statementLines>[1],
): StatementBody {
  const lines = statementLines(settlement, transactions);
  const sum = lines.reduce((total, l) => total + l.netFen, 0n);
  assert(sum === settlement.netFen, 'the statement lines add up to the settlement net');
  return {
    merchantNo: settlement.merchantNo,
    businessDate: settlement.businessDate,
    settlementMode: settlement.settlementMode,
    payableDate: settlement.payableDate,
    lines: lines.map(lineBody),
    netFen: settlement.netFen.toString(),
    payoutFen: settlement.payoutFen.toString(),
    carriedOutFen: settlement.carriedOutFen.toString(),
  };
}
