// What the gateway last read of each terminal (its identity, merchant and keys under the LMK),
// so that a financial request, which carries a MAC, is authenticated without a database read.
// A terminal read a moment ago is used only to let a request in: a MAC that does not verify
// against it, a merchant that does not match, or keys it lacks send the gateway to the database
// before it refuses anything (`authenticate`). The gateway's own key changes (sign-in, sign-off,
// key loading through this store) forget the terminal at once; changes made elsewhere (another
// node, the command line) are seen within KNOWN_TERMINAL_TTL_MS.
import type {
  GatewayTerminal,
  HsmKeyRow,
  MacAlgorithmName,
  TerminalKeysStore,
  WorkingKeySet,
  WrappedKey,
} from '@shoudan/db';
import type { Clock } from '@shoudan/core';

/**
 * How long a terminal read may let requests in. It bounds how long keys another process revoked
 * (a sign-off on another node, a new TMK loaded from the command line) are still accepted here.
 */
export const KNOWN_TERMINAL_TTL_MS = 5_000;

/** Terminals remembered at most; the one read longest ago goes first. */
export const KNOWN_TERMINALS_MAX = 50_000;

type Known = { readonly terminal: GatewayTerminal; readonly readMs: number };

/** The terminal keys store, remembering what it read for `recent`; writes forget. */
export class KnownTerminals implements TerminalKeysStore {
  private readonly store: TerminalKeysStore;
  private readonly clock: Clock;
  private readonly known = new Map<string, Known>();

  constructor(store: TerminalKeysStore, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The terminal as read within KNOWN_TERMINAL_TTL_MS, else as read now (`read`). */
  async recent(
    terminalId: string,
  ): Promise<{ readonly terminal: GatewayTerminal | undefined; readonly read: boolean }> {
    const known = this.known.get(terminalId);
    if (known && this.clock.monotonicMs() - known.readMs < KNOWN_TERMINAL_TTL_MS) {
      return { terminal: known.terminal, read: false };
    }
    return { terminal: await this.gatewayTerminal(terminalId), read: true };
  }

  /** The terminal as the database has it now; remembered for `recent`. */
  async gatewayTerminal(terminalId: string): Promise<GatewayTerminal | undefined> {
    const terminal = await this.store.gatewayTerminal(terminalId);
    this.known.delete(terminalId);
    if (!terminal) return undefined;
    this.known.set(terminalId, { terminal, readMs: this.clock.monotonicMs() });
    if (this.known.size > KNOWN_TERMINALS_MAX) {
      const oldest = this.known.keys().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
    return terminal;
  }

  forget(terminalId: string): void {
    this.known.delete(terminalId);
  }

  async loadTmk(input: {
    terminalId: string;
    tmk: WrappedKey;
    macAlgorithm?: MacAlgorithmName;
    at: Date;
  }): Promise<void> {
    try {
      await this.store.loadTmk(input);
    } finally {
      this.forget(input.terminalId);
    }
  }

  async saveWorkingKeys(terminalId: string, keys: WorkingKeySet): Promise<boolean> {
    try {
      return await this.store.saveWorkingKeys(terminalId, keys);
    } finally {
      this.forget(terminalId);
    }
  }

  async clearWorkingKeys(terminalId: string): Promise<void> {
    try {
      await this.store.clearWorkingKeys(terminalId);
    } finally {
      this.forget(terminalId);
    }
  }

  findHsmKey(name: string): Promise<HsmKeyRow | undefined> {
    return this.store.findHsmKey(name);
  }

  addHsmKey(row: HsmKeyRow): Promise<HsmKeyRow> {
    return this.store.addHsmKey(row);
  }
}
