// The stores that implement the core ports, over one drizzle database.
import type { EngineStores } from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { createLedgerStore } from './ledger-store.ts';
import { createPaymentsStore } from './payments-store.ts';
import { createSettlementStore } from './settlement-store.ts';
import { createTerminalsStore } from './terminals-store.ts';

export function createStores(db: Db): EngineStores {
  return {
    payments: createPaymentsStore(db),
    terminals: createTerminalsStore(db),
    settlement: createSettlementStore(db),
    ledger: createLedgerStore(db),
  };
}
