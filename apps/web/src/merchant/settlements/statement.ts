// A statement's totals from its lines, in bigint fen: the gross of sales, fees, refunds, the D0
// fee and the debt carried in, and whether the lines add up to the statement's net, as they must.
import type { StatementBody } from '@shoudan/contracts';

export type StatementTotals = {
  readonly salesCount: number;
  readonly salesFen: bigint;
  readonly feeFen: bigint;
  readonly refundsCount: number;
  /** Signed as the lines are: ≤ 0. */
  readonly refundsFen: bigint;
  readonly d0FeeFen: bigint;
  readonly carriedInFen: bigint;
  /** The sum of the lines' amounts (sales less refunds). */
  readonly amountFen: bigint;
  /** The sum of the lines' net. */
  readonly linesNetFen: bigint;
  /** The lines' net equals the statement's. */
  readonly addsUp: boolean;
};

export function statementTotals(
  statement: Pick<StatementBody, 'lines' | 'netFen'>,
): StatementTotals {
  let salesCount = 0;
  let refundsCount = 0;
  let salesFen = 0n;
  let feeFen = 0n;
  let refundsFen = 0n;
  let d0FeeFen = 0n;
  let carriedInFen = 0n;
  let amountFen = 0n;
  let linesNetFen = 0n;
  for (const line of statement.lines) {
    const amount = BigInt(line.amountFen);
    amountFen += amount;
    feeFen += BigInt(line.feeFen);
    linesNetFen += BigInt(line.netFen);
    switch (line.kind) {
      case 'sale':
        salesCount += 1;
        salesFen += amount;
        break;
      case 'refund':
        refundsCount += 1;
        refundsFen += amount;
        break;
      case 'd0_fee':
        d0FeeFen += BigInt(line.netFen);
        break;
      case 'carried_in':
        carriedInFen += BigInt(line.netFen);
        break;
      default: {
        const never: never = line.kind;
        throw new Error(`unknown statement line kind ${String(never)}`);
      }
    }
  }
  const totals: StatementTotals = {
    salesCount,
    salesFen,
    feeFen,
    refundsCount,
    refundsFen,
    d0FeeFen,
    carriedInFen,
    amountFen,
    linesNetFen,
    addsUp: linesNetFen === BigInt(statement.netFen),
  };
  return totals;
}
