// The services the adapters (CLI, HTTP, later the 8583 gateway) share, built from the
// composition root's dependencies: the engine over the database's stores and a card network.
import {
  CardNetworkSimulator,
  createEngine,
  type CardNetwork,
  type Clock,
  type Engine,
  type Ids,
  type PaymentRules,
} from '@shoudan/core';
import { createStores, type Database, type Db } from '@shoudan/db';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export type ServiceDeps = {
  readonly config: Config;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly db: Database;
  readonly logger: Logger;
  /** The card network; the deterministic simulator when not given. */
  readonly network?: CardNetwork;
};

export type Services = {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly engine: Engine;
  readonly rules: PaymentRules;
  readonly database: Database;
  readonly db: Db;
  /** Closes the database; safe to call more than once. */
  close(): Promise<void>;
};

export function rulesOf(config: Config): PaymentRules {
  return { cutoffTime: config.cutoffTime, refundWindowDays: config.refundWindowDays };
}

export function createServices(deps: ServiceDeps): Services {
  const rules = rulesOf(deps.config);
  const network = deps.network ?? new CardNetworkSimulator({ clock: deps.clock });
  const engine = createEngine({
    stores: createStores(deps.db.db),
    network,
    clock: deps.clock,
    ids: deps.ids,
    rules,
  });
  let closing: Promise<void> | undefined;
  return {
    config: deps.config,
    clock: deps.clock,
    logger: deps.logger,
    engine,
    rules,
    database: deps.db,
    db: deps.db.db,
    close: () => {
      closing ??= deps.db.close();
      return closing;
    },
  };
}
