// @shoudan/db: schema, migrations, drivers and the stores that implement the core ports.
export * as schema from './schema/index.ts';
export { openDatabase, MIGRATIONS_DIR } from './drivers/open.ts';
export type { Database, DatabaseOptions, Db } from './drivers/open.ts';
export { createStores } from './stores/index.ts';
export type { StoreOptions } from './stores/index.ts';
export * as setup from './stores/setup.ts';
export type { MerchantInput, TerminalInput, RateInput } from './stores/setup.ts';
export { createTerminalKeysStore } from './stores/terminal-keys-store.ts';
export type {
  GatewayTerminal,
  HsmKeyRow,
  MacAlgorithmName,
  TerminalKeys,
  TerminalKeysStore,
  WorkingKeySet,
  WrappedKey,
} from './stores/terminal-keys-store.ts';
export * as platform from './stores/platform/index.ts';
export { STAFF_ROLES } from './stores/platform/index.ts';
export type { AccountKind, MerchantUserRole, StaffRole } from './stores/platform/index.ts';
