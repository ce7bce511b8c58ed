// A small deterministic CUP host for tests of the terminal and `shoudan pos`: real TCP frames,
// working keys and MACs from @shoudan/hsm, and behaviour a test can steer request by request.
import { createHash } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import {
  type ClearKey,
  createSecurityModule,
  type KeyUnderLmk,
  type MacAlgorithm,
  type SecurityModule,
} from '@shoudan/hsm';
import {
  answerHeader,
  type CupMessage,
  FrameSplitter,
  packFrame,
  swapTpdu,
  type UnpackedFrame,
  unpackFrame,
} from '@shoudan/iso8583';
import { answerFinancial, answerManagement, type HostRecord } from './host-flows.ts';

export type { HostRecord } from './host-flows.ts';

/** How the host treats one request; undefined = normally. */
export interface Behaviour {
  /** Process the request but never answer it (a lost answer). */
  readonly drop?: boolean;
  /** Process the request, then close the connection without answering. */
  readonly close?: boolean;
  /** Answer with a wrong MAC. */
  readonly corruptMac?: boolean;
  /** Answer with this code (and text) instead of processing the request. */
  readonly responseCode?: string;
  readonly responseText?: string;
  /** 处理要求 of the answer header: `3` asks the terminal to sign in again. */
  readonly processingRequest?: '0' | '3';
  /** Sign-in: spoil the PIN key's check value in field 62. */
  readonly corruptKeyCheck?: boolean;
}

export interface TestHostOptions {
  readonly tmk: ClearKey;
  readonly macAlgorithm?: MacAlgorithm;
  /** The batch every sign-in assigns (default: the terminal's own). */
  readonly signInBatchNo?: string;
  /** Host time for 12, 13, 15 and RRNs. Default 2026-11-25 14:30:52 China time. */
  readonly now?: () => Date;
  readonly behave?: (request: CupMessage) => Behaviour | undefined;
}

export interface TestHost {
  readonly port: number;
  /** Every readable request, in arrival order. */
  readonly requests: CupMessage[];
  readonly records: HostRecord[];
  /** Requests refused `A0` for a wrong MAC. */
  readonly macFailures: () => number;
  /** TCP connections accepted so far, and how many are open now. */
  readonly connections: () => { readonly accepted: number; readonly open: number };
  /** What cardholders are charged: sales not voided or reversed, less refunds. */
  chargedFen(): bigint;
  /** The host's cutoff: every record (of one terminal) settled, so voids are refused `12`. */
  settleAll(terminalId?: string): void;
  /** Closes every open connection, as a host that restarts or idles them out. */
  dropConnections(): Promise<void>;
  close(): Promise<void>;
}

export interface HostState {
  readonly hsm: SecurityModule;
  readonly tmk: KeyUnderLmk;
  readonly options: TestHostOptions;
  readonly records: HostRecord[];
  readonly makByTerminal: Map<string, KeyUnderLmk>;
  macFailures: number;
}

/** A repeatable random source, so every run issues the same keys. */
function seededRandom(): { bytes(count: number): Uint8Array } {
  let counter = 0;
  return {
    bytes(count) {
      const out = new Uint8Array(count);
      for (let at = 0; at < count; at += 32) {
        const block = createHash('sha256').update(`test-host-${counter++}`).digest();
        out.set(block.subarray(0, Math.min(32, count - at)), at);
      }
      return out;
    },
  };
}

export interface Reply {
  readonly message: CupMessage;
  readonly processingRequest: '0' | '3';
  readonly macKey?: KeyUnderLmk;
}

function reply(state: HostState, frame: UnpackedFrame, behaviour: Behaviour): Reply {
  const { message } = frame;
  const messageClass = message.mti.charAt(1);
  if (messageClass === '8' || messageClass === '5' || messageClass === '3') {
    return answerManagement(state, message, behaviour);
  }
  return answerFinancial(state, frame, behaviour);
}

function packReply(state: HostState, frame: UnpackedFrame, answer: Reply, behaviour: Behaviour) {
  const algorithm = state.options.macAlgorithm ?? 'cup-ecb';
  const makUnderLmk = answer.macKey;
  const computeMac =
    makUnderLmk === undefined
      ? undefined
      : (data: Uint8Array) => {
          const mac = state.hsm.generateMac({ makUnderLmk, algorithm, data });
          if (behaviour.corruptMac) mac[0] = (mac[0] ?? 0) ^ 0x01;
          return mac;
        };
  const processingRequest = behaviour.processingRequest ?? answer.processingRequest;
  return packFrame(
    {
      tpdu: swapTpdu(frame.tpdu),
      header: answerHeader(frame.header, processingRequest),
      message: answer.message,
    },
    computeMac === undefined ? undefined : { computeMac },
  );
}

function serve(state: HostState, requests: CupMessage[], socket: Socket): void {
  const splitter = new FrameSplitter({ frameLengthMax: 8192 });
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    const frames = splitter.push(chunk);
    if (!frames.ok) return void socket.destroy();
    for (const bytes of frames.value) {
      const frame = unpackFrame(bytes);
      if (!frame.ok) return void socket.destroy();
      requests.push(frame.value.message);
      const behaviour = state.options.behave?.(frame.value.message) ?? {};
      const answer = reply(state, frame.value, behaviour);
      if (behaviour.close) return void socket.destroy();
      if (behaviour.drop) continue;
      const packed = packReply(state, frame.value, answer, behaviour);
      if (packed.ok) socket.write(packed.value);
    }
  });
}

/** Starts the host on a free port of 127.0.0.1. */
export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const hsm = createSecurityModule({ masterKeyHex: '0F'.repeat(16), random: seededRandom() });
  const tmk = hsm.importTmk(options.tmk);
  if (!tmk.ok) throw new Error(`test host: TMK refused (${tmk.outcome})`);
  const state: HostState = {
    hsm,
    tmk: tmk.value,
    options,
    records: [],
    makByTerminal: new Map(),
    macFailures: 0,
  };
  const requests: CupMessage[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(state, requests, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    requests,
    records: state.records,
    macFailures: () => state.macFailures,
    connections: () => ({ accepted, open: sockets.size }),
    chargedFen: () => chargedFen(state.records),
    settleAll: (terminalId) => {
      for (const record of state.records) {
        if (terminalId === undefined || record.terminalId === terminalId) record.settled = true;
      }
    },
    dropConnections: async () => {
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function chargedFen(records: readonly HostRecord[]): bigint {
  let total = 0n;
  for (const record of records) {
    if (record.reversed) continue;
    if (record.kind === 'sale' && !record.voided) total += record.amountFen;
    if (record.kind === 'refund') total -= record.amountFen;
  }
  return total;
}
