// The gateway under test: a seeded acquiring world on PGlite (@shoudan/db/testing), a security
// module with a fixed LMK, TMKs loaded for every terminal, the network ZPK, and the gateway on
// 127.0.0.1 with port 0. Log lines are kept so tests can check that no card data reaches them.
import { Writable } from 'node:stream';
import { createTerminalKeysStore, type TerminalKeysStore } from '@shoudan/db';
import { createWorld, openTestDatabase, type World, type WorldOptions } from '@shoudan/db/testing';
import { createSecurityModule, type MacAlgorithm, type SecurityModule } from '@shoudan/hsm';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway/gateway.ts';
import type { GatewayDeps } from '../../src/gateway/types.ts';
import { loadTerminalMasterKeys, type KeyLoadingFile } from '../../src/keys/key-loading.ts';
import { ensureNetworkZpk } from '../../src/keys/network-zpk.ts';
import { createLogger } from '../../src/logger.ts';
import { TestTerminal } from './test-terminal.ts';

export const TEST_MASTER_KEY = '0123456789ABCDEFFEDCBA98765432100123456789ABCDEF';

export type Harness = {
  readonly world: World;
  readonly hsm: SecurityModule;
  readonly store: TerminalKeysStore;
  readonly gateway: Gateway;
  readonly deps: GatewayDeps;
  readonly tmks: KeyLoadingFile;
  readonly logs: string[];
  /** A terminal of the world (merchant m, terminal t, from 0) with its TMK. */
  terminal(m: number, t: number, macAlgorithm?: MacAlgorithm): TestTerminal;
  /** Another gateway over the same world, with other settings or another engine. */
  startGateway(overrides: Partial<GatewayDeps>): Promise<Gateway>;
  close(): Promise<void>;
};

export type HarnessOptions = WorldOptions & {
  readonly env?: Record<string, string>;
  /** Terminals left without a TMK (as never key-loaded). */
  readonly withoutTmk?: readonly string[];
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const world = await createWorld(await openTestDatabase(), {
    merchants: 2,
    terminalsPerMerchant: 3,
    ...options,
  });
  const hsm = createSecurityModule({ masterKeyHex: TEST_MASTER_KEY });
  const store = createTerminalKeysStore(world.db);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const zpk = await ensureNetworkZpk({ hsm, store, clock: world.clock });
  const skip = new Set(options.withoutTmk ?? []);
  const terminalIds = world.merchants.flatMap((m) => m.terminalIds).filter((id) => !skip.has(id));
  const tmks = await loadTerminalMasterKeys(
    { hsm, store, clock: world.clock },
    terminalIds.map((terminalId) => ({ terminalId })),
  );
  const config = loadConfig({ GATEWAY_PORT: '0', LOG_LEVEL: 'silent', ...options.env });
  const deps: GatewayDeps = {
    config,
    engine: world.engine,
    db: world.db,
    terminalKeys: store,
    hsm,
    zpk,
    clock: world.clock,
    logger,
  };
  const gateway = await createGateway(deps);
  const extra: Gateway[] = [];
  return {
    world,
    hsm,
    store,
    gateway,
    deps,
    tmks,
    logs,
    terminal(m, t, macAlgorithm) {
      const merchant = world.merchants[m];
      const terminalId = merchant?.terminalIds[t];
      if (!merchant || !terminalId) throw new Error(`no terminal ${m}/${t}`);
      const entry = tmks[terminalId];
      const tmk = entry ?? { scheme: '3des' as const, clearKeyHex: '0123456789ABCDEF' };
      return new TestTerminal({
        port: gateway.port,
        terminalId,
        merchantNo: merchant.merchantNo,
        tmk,
        macAlgorithm: macAlgorithm ?? entry?.macAlgorithm ?? 'cup-ecb',
      });
    },
    async startGateway(overrides) {
      const started = await createGateway({ ...deps, ...overrides });
      extra.push(started);
      return started;
    },
    async close() {
      await Promise.all([gateway, ...extra].map((g) => g.close()));
      await world.database.close();
    },
  };
}

/** Counts the transactions recorded so far (any status). */
export async function transactionCount(harness: Harness): Promise<number> {
  const { schema } = await import('@shoudan/db');
  return harness.world.db.$count(schema.transactions);
}
