// What every operation of the terminal shares: its settings, memory and link; saving the state;
// taking voucher numbers; and sending one request (framed, MACed) to read one answer.
import { generateTerminalMac, type ClearKey, type MacAlgorithm } from '@shoudan/hsm';
import { type CupHeader, type CupMessage, packFrame, type Tpdu } from '@shoudan/iso8583';
import type { Exchange, Link } from './link.ts';
import type { Identity } from './messages.ts';
import { type Memory, nextNumber, toState } from './state.ts';
import type { TerminalEvent, TerminalOptions } from './types.ts';

export interface Settings {
  readonly terminalId: string;
  readonly merchantNo: string;
  readonly merchantName: string;
  readonly tmk: ClearKey;
  readonly macAlgorithm: MacAlgorithm;
  readonly reversalAttemptsMax: number;
  readonly operatorNo: string;
  readonly utcOffsetMinutes: number;
  readonly tpdu: Tpdu;
  readonly header: CupHeader;
}

export interface Context {
  readonly settings: Settings;
  readonly options: TerminalOptions;
  readonly memory: Memory;
  readonly link: Link;
  /** Set when an answer's header asked for a new sign-in (处理要求 3). */
  signInRequested: boolean;
}

export const DEFAULT_TPDU: Tpdu = { id: '60', destination: '0003', source: '0000' };
export const DEFAULT_HEADER: CupHeader = {
  applicationClass: '60',
  softwareVersion: '31',
  terminalStatus: '0',
  processingRequest: '0',
  softwareSubVersion: '000000',
};

/** Hands the whole state to `persist`. False when it could not be stored. */
export async function save(context: Context): Promise<boolean> {
  const persist = context.options.persist;
  if (persist === undefined) return true;
  try {
    await persist(toState(context.memory));
    return true;
  } catch {
    return false;
  }
}

export function emit(context: Context, event: TerminalEvent): void {
  context.options.onEvent?.(event);
}

/** The voucher number (STAN) for the next request; every request takes a new one. */
export function takeVoucherNo(context: Context): string {
  const taken = context.memory.nextVoucherNo;
  context.memory.nextVoucherNo = nextNumber(taken);
  return taken;
}

export function identityOf(context: Context): Identity {
  const { terminalId, merchantNo, operatorNo } = context.settings;
  return { terminalId, merchantNo, operatorNo, batchNo: context.memory.batchNo };
}

export type Sent =
  | { readonly kind: 'sent'; readonly request: CupMessage; readonly exchange: Exchange }
  | { readonly kind: 'not_packed' };

/** Frames the request (with its MAC under the MAK when `mac`), sends it and waits. */
export async function send(
  context: Context,
  message: CupMessage,
  options: { readonly mac: boolean },
): Promise<Sent> {
  const mak = context.memory.workingKeys?.mak;
  const algorithm = context.settings.macAlgorithm;
  let request = message;
  const computeMac =
    options.mac && mak !== undefined
      ? (data: Uint8Array) => {
          const mac = generateTerminalMac({ mak, algorithm, data });
          // Object.assign, not `{ ...message, mac }`: V8 gives an object with a property added
          // after a spread a hidden class of its own each time, slow to make and to read.
          request = Object.assign({}, message, { mac });
          return mac;
        }
      : undefined;
  const { tpdu, header } = context.settings;
  const packed = packFrame({ tpdu, header, message }, computeMac ? { computeMac } : undefined);
  if (!packed.ok) return { kind: 'not_packed' };
  const exchange = await context.link.exchange(packed.value);
  if (exchange.kind === 'answer' && exchange.frame.header.processingRequest === '3') {
    context.signInRequested = true;
  }
  return { kind: 'sent', request, exchange };
}
