// The services the adapters (CLI, HTTP, the 8583 gateway) share, built from the composition
// root's dependencies: the engine over the database's stores, a card network, and the keys.
import {
  CardNetworkSimulator,
  createEngine,
  type CardNetwork,
  type Clock,
  type Engine,
  type Ids,
  type PaymentRules,
} from '@shoudan/core';
import {
  createStores,
  createTerminalKeysStore,
  type Database,
  type Db,
  type TerminalKeysStore,
} from '@shoudan/db';
import { createSecurityModule, type SecurityModule } from '@shoudan/hsm';
import { ConfigError, type Config } from './config.ts';
import type { ResolvedKeys } from './keys/master-key.ts';
import type { Logger } from './logger.ts';

export type ServiceDeps = {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly db: Database;
  readonly logger: Logger;
  /** The card network; the deterministic simulator when not given. */
  readonly network?: CardNetwork;
  /** The LMK and key files, for the commands that handle keys (serve, seed, terminal keys). */
  readonly keys?: ResolvedKeys;
};

/** The security module over the LMK, and where its key files are. */
export type KeyServices = {
  readonly hsm: SecurityModule;
  readonly resolved: ResolvedKeys;
};

export type Services = {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly logger: Logger;
  readonly engine: Engine;
  readonly rules: PaymentRules;
  readonly database: Database;
  readonly db: Db;
  readonly terminalKeys: TerminalKeysStore;
  /** Present when the command asked for keys (see `requireKeys`). */
  readonly keys: KeyServices | undefined;
  /** Closes the database; safe to call more than once. */
  close(): Promise<void>;
};

export function rulesOf(config: Config): PaymentRules {
  return {
    cutoffTime: config.cutoffTime,
    refundWindowDays: config.refundWindowDays,
    saleSnapshotTtlMs: config.saleSnapshotTtlMs,
  };
}

export function createServices(deps: ServiceDeps): Services {
  const rules = rulesOf(deps.config);
  const network = deps.network ?? new CardNetworkSimulator({ clock: deps.clock });
  const engine = createEngine({
    stores: createStores(deps.db.db, { saleGroupSizeMax: deps.config.saleGroupSizeMax }),
    network,
    clock: deps.clock,
    ids: deps.ids,
    rules,
  });
  let closing: Promise<void> | undefined;
  return {
    config: deps.config,
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger,
    engine,
    rules,
    database: deps.db,
    db: deps.db.db,
    terminalKeys: createTerminalKeysStore(deps.db.db),
    keys: deps.keys && {
      hsm: createSecurityModule({ masterKeyHex: deps.keys.masterKeyHex }),
      resolved: deps.keys,
    },
    close: () => {
      closing ??= deps.db.close();
      return closing;
    },
  };
}

/** The key services; ConfigError when the command was opened without them (no master key). */
export function requireKeys(services: Services): KeyServices {
  if (!services.keys) {
    throw new ConfigError(['SHOUDAN_MASTER_KEY is needed to handle terminal keys']);
  }
  return services.keys;
}
