// Who is asking, before any flow runs: the terminal (41) must be registered (else 97) and belong
// to the merchant in 42 (else 03), and every request that carries a MAC — financial ones must —
// is verified with the terminal's MAK. No working keys or a wrong MAC: A0 with 处理要求 3, and
// nothing is recorded. A financial request is first checked against the terminal as read a
// moment ago (`KnownTerminals`); only what that lets in is let in without a database read.
import type { CupMessage } from '@shoudan/iso8583';
import { gatewayDecline, isFinancial, reply } from './answers.ts';
import { GATEWAY_CODES } from './response-codes.ts';
import type { GatewayTerminal } from '@shoudan/db';
import type { GatewayContext, MacKey, Reply, Session } from './types.ts';

export type Authentication =
  { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly reply: Reply };

export type Inbound = {
  readonly message: CupMessage;
  /** The MAC input as received; undefined when bit 64 is not set. */
  readonly macInput: Uint8Array | undefined;
};

const SIGN_IN = '0800';

export async function authenticate(
  deps: GatewayContext,
  inbound: Inbound,
): Promise<Authentication> {
  const { message } = inbound;
  if (message.terminalId === undefined || message.merchantNo === undefined) {
    return declined(deps, message, GATEWAY_CODES.formatError, null, false);
  }
  // A financial request proves itself with its MAC: what was read a moment ago may let it in.
  // Anything else, and anything the recent read would refuse, goes by the database as it is now.
  const { terminal, read } = isFinancial(message.mti)
    ? await deps.terminalKeys.recent(message.terminalId)
    : { terminal: await deps.terminalKeys.gatewayTerminal(message.terminalId), read: true };
  // Only terminals found are remembered: one not found was read just now.
  if (!terminal) return declined(deps, message, GATEWAY_CODES.terminalNotRegistered, null, false);
  const checked = check(deps, inbound, terminal);
  return checked.ok || read ? checked : checkAgain(deps, inbound);
}

/** What a recent read would refuse, checked against the terminal as the database has it now. */
async function checkAgain(deps: GatewayContext, inbound: Inbound): Promise<Authentication> {
  const { message } = inbound;
  const terminal = await deps.terminalKeys.gatewayTerminal(message.terminalId ?? '');
  if (!terminal) return declined(deps, message, GATEWAY_CODES.terminalNotRegistered, null, false);
  return check(deps, inbound, terminal);
}

/** The request against the terminal as read: its merchant, then its MAC where one is due. */
function check(deps: GatewayContext, inbound: Inbound, terminal: GatewayTerminal): Authentication {
  const { message } = inbound;
  if (terminal.merchantNo !== message.merchantNo) {
    return declined(deps, message, GATEWAY_CODES.invalidMerchant, null, false);
  }
  const working = terminal.keys?.working ?? null;
  const macKey: MacKey | null =
    working === null || terminal.keys === null
      ? null
      : { mak: working.mak, algorithm: terminal.keys.macAlgorithm };
  const session: Session = { terminal, macKey, pik: working?.pik ?? null };
  const required = isFinancial(message.mti);
  const present = inbound.macInput !== undefined && message.mac !== undefined;
  if (!required && !present) return { ok: true, session };
  if (macKey === null) {
    // A sign-in is how a terminal gets keys: a MAC it sends without any cannot be checked.
    if (message.mti === SIGN_IN && !required) return { ok: true, session };
    return declined(deps, message, GATEWAY_CODES.macFailed, null, true);
  }
  if (inbound.macInput === undefined || message.mac === undefined) {
    return declined(deps, message, GATEWAY_CODES.macFailed, macKey, true);
  }
  const valid = deps.hsm.verifyMac({
    makUnderLmk: macKey.mak,
    algorithm: macKey.algorithm,
    data: inbound.macInput,
    mac: message.mac,
  });
  return valid
    ? { ok: true, session }
    : declined(deps, message, GATEWAY_CODES.macFailed, macKey, true);
}

function declined(
  deps: GatewayContext,
  message: CupMessage,
  responseCode: string,
  macKey: MacKey | null,
  signInAgain: boolean,
): Authentication {
  const at = deps.clock.now();
  const answer = gatewayDecline(message, { responseCode, at, cutoffTime: deps.config.cutoffTime });
  return { ok: false, reply: reply(answer, macKey, signInAgain ? '3' : '0') };
}
