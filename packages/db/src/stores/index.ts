// The stores that implement the core ports, over one drizzle database.
import type { EngineStores } from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { createLedgerStore } from './ledger-store.ts';
import { createPaymentsStore } from './payments-store.ts';
import { createSettlementStore } from './settlement-store.ts';
import { createTerminalsStore } from './terminals-store.ts';

export type StoreOptions = {
  /** Sales at most in one group commit on a PostgreSQL server; 1 turns it off. Default 64. */
  readonly saleGroupSizeMax?: number;
};

export function createStores(db: Db, options: StoreOptions = {}): EngineStores {
  return {
    payments: createPaymentsStore(db, options.saleGroupSizeMax),
    terminals: createTerminalsStore(db),
    settlement: createSettlementStore(db),
    ledger: createLedgerStore(db),
  };
}
