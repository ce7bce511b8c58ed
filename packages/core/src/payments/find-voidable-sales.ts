// The "void by transaction time" path of the POS menu: the terminal's sales in a time range that
// can still be voided, each with the instant until which it can.
import { cutoffInstantOf } from '../shared/business-date.ts';
import type { TransactionRecord } from './model.ts';
import type { PaymentsDeps } from './deps.ts';

export type VoidableSale = { readonly sale: TransactionRecord; readonly voidableUntil: Date };

export async function findVoidableSales(
  deps: Pick<PaymentsDeps, 'store' | 'rules'>,
  input: {
    readonly terminalId: string;
    readonly from: Date;
    readonly to: Date;
    readonly limit?: number;
  },
): Promise<VoidableSale[]> {
  const sales = await deps.store.voidableSales({ ...input, limit: input.limit ?? 50 });
  return sales.map((sale) => ({
    sale,
    voidableUntil: cutoffInstantOf(sale.businessDate, deps.rules.cutoffTime),
  }));
}
