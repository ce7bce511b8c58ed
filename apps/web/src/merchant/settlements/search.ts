// The settlement list's URL search params: an optional business-date range.
import { BusinessDateParam } from '@shoudan/contracts';
import { z } from 'zod';

export const SettlementSearch = z.object({
  from: BusinessDateParam.optional().catch(undefined),
  to: BusinessDateParam.optional().catch(undefined),
});
export type SettlementSearch = z.infer<typeof SettlementSearch>;
