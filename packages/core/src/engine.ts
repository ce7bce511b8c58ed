// The payment engine: every use case bound to its dependencies, for the adapters to call.
import type { Clock } from './shared/clock.ts';
import type { Ids } from './shared/ids.ts';
import type { CardNetwork } from './payments/card-network.ts';
import type { PaymentRules } from './payments/deps.ts';
import type { PaymentsStore } from './payments/store.ts';
import type { TerminalsStore } from './terminals/store.ts';
import type { SettlementStore } from './settlement/store.ts';
import type { LedgerStore } from './ledger/store.ts';
import { sale, type SaleInput } from './payments/sale.ts';
import { voidSale, type VoidSaleInput } from './payments/void-sale.ts';
import { refund, type RefundInput } from './payments/refund.ts';
import { reverse, type ReverseInput } from './payments/reverse.ts';
import { retryReversals } from './payments/retry-reversals.ts';
import { findVoidableSales } from './payments/find-voidable-sales.ts';
import { signIn, signOff } from './terminals/sign-in.ts';
import { settleBatch, type SettleBatchInput } from './terminals/settle-batch.ts';
import { cutoff, cutoffDue } from './settlement/cutoff.ts';
import { settleMerchants, type SettleMerchantsInput } from './settlement/settle-merchants.ts';
import { statementCsv } from './settlement/statement.ts';
import { checkLedger, merchantBalance } from './ledger/check-ledger.ts';
import type { BusinessDate } from './shared/business-date.ts';
import { TerminalSnapshots } from './payments/terminal-snapshots.ts';

export type EngineStores = {
  readonly payments: PaymentsStore;
  readonly terminals: TerminalsStore;
  readonly settlement: SettlementStore;
  readonly ledger: LedgerStore;
};

export type EngineDeps = {
  readonly stores: EngineStores;
  readonly network: CardNetwork;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly rules: PaymentRules;
};

export type Engine = ReturnType<typeof createEngine>;

/** Kept reversals sent again in one run of `retryReversals`, unless told otherwise. */
const REVERSAL_RETRIES_MAX = 100;

export function createEngine(deps: EngineDeps) {
  const snapshots = new TerminalSnapshots(deps.clock, deps.rules.saleSnapshotTtlMs);
  const payments = { ...deps, store: deps.stores.payments, snapshots };
  const terminals = { store: deps.stores.terminals, clock: deps.clock };
  /** A use case that changes a terminal's facts: its sales read them anew afterwards. */
  const changing =
    <I extends { terminalId: string }, R>(run: (input: I) => Promise<R>) =>
    async (input: I): Promise<R> => {
      try {
        return await run(input);
      } finally {
        snapshots.forget(input.terminalId);
      }
    };
  const settlement = { ...deps, store: deps.stores.settlement };
  return {
    sale: (input: SaleInput) => sale(payments, input),
    voidSale: (input: VoidSaleInput) => voidSale(payments, input),
    refund: (input: RefundInput) => refund(payments, input),
    reverse: (input: ReverseInput) => reverse(payments, input),
    /** Sends again the reversals the network did not take (store and forward). */
    retryReversals: (limit = REVERSAL_RETRIES_MAX) => retryReversals(payments, limit),
    findVoidableSales: (input: Parameters<typeof findVoidableSales>[1]) =>
      findVoidableSales(payments, input),
    signIn: changing((input: { terminalId: string }) => signIn(terminals, input)),
    signOff: changing((input: { terminalId: string }) => signOff(terminals, input)),
    settleBatch: changing((input: SettleBatchInput) => settleBatch(terminals, input)),
    /** The host's totals of a terminal's batch, as its settlement will count them. */
    batchTotals: (input: { terminalId: string; batchNo: number }) =>
      deps.stores.terminals.transaction((tx) => tx.batchTotals(input.terminalId, input.batchNo)),
    cutoff: (input: { businessDate: BusinessDate }) => cutoff(settlement, input),
    cutoffDue: () => cutoffDue(settlement),
    settleMerchants: (input: SettleMerchantsInput) => settleMerchants(settlement, input),
    statementCsv: async (merchantId: string, businessDate: BusinessDate) => {
      const [s] = await deps.stores.settlement.settlements(businessDate, merchantId);
      if (!s) return undefined;
      const txs = await deps.stores.settlement.statementTransactions(merchantId, businessDate);
      return statementCsv(s, txs);
    },
    checkLedger: () => checkLedger(deps.stores.ledger),
    merchantBalance: (merchantId: string) => merchantBalance(deps.stores.ledger, merchantId),
  };
}
