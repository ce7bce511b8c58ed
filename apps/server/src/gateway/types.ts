// What the gateway is built from and what its parts pass each other: the dependencies, the
// authenticated sender of a request, and a reply before it is framed and MACed.
import type { Clock, Engine } from '@shoudan/core';
import type { Db, GatewayTerminal, TerminalKeysStore } from '@shoudan/db';
import type { CupMessage } from '@shoudan/iso8583';
import type { KeyUnderLmk, MacAlgorithm, SecurityModule } from '@shoudan/hsm';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { KnownTerminals } from './known-terminals.ts';

/** The settings the gateway reads (host and port, limits with their units, the cutoff). */
export type GatewayConfig = Pick<
  Config,
  | 'httpHost'
  | 'gatewayPort'
  | 'gatewayConnectionsMax'
  | 'gatewayFrameLengthMax'
  | 'gatewayMessageTimeoutMs'
  | 'gatewayIdleTimeoutMs'
  | 'cutoffTime'
>;

export type GatewayDeps = {
  readonly config: GatewayConfig;
  readonly engine: Engine;
  /** For the read-only lookups a reply needs beyond the engine (see lookups.ts). */
  readonly db: Db;
  readonly terminalKeys: TerminalKeysStore;
  readonly hsm: SecurityModule;
  /** The card network's zone PIN key under the LMK: PIN blocks are translated to it. */
  readonly zpk: KeyUnderLmk;
  readonly clock: Clock;
  readonly logger: Logger;
};

/** What the gateway's parts work with: its dependencies, the terminal store remembering reads. */
export type GatewayContext = Omit<GatewayDeps, 'terminalKeys'> & {
  readonly terminalKeys: KnownTerminals;
};

/** The MAK and algorithm a terminal's financial answers are MACed with. */
export type MacKey = { readonly mak: KeyUnderLmk; readonly algorithm: MacAlgorithm };

/** The sender of a request once its identity and MAC have been checked. */
export type Session = {
  readonly terminal: GatewayTerminal;
  /** Null when the terminal has no working keys (management messages without a MAC). */
  readonly macKey: MacKey | null;
  readonly pik: KeyUnderLmk | null;
};

/** An answer before framing: the message (field 64 is added when `macKey` is set). */
export type Reply = {
  readonly message: CupMessage;
  /** 处理要求 of the answer header: `3` makes the terminal sign in again. */
  readonly processingRequest: '0' | '3';
  readonly macKey: MacKey | null;
};

/** What a flow gets: the request, its sender, the dependencies and the request's logger. */
export type FlowContext = {
  readonly deps: GatewayContext;
  readonly request: CupMessage;
  readonly session: Session;
  readonly log: Logger;
};
