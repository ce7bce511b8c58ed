// Checks a terminal state read back from storage (JSON) before the terminal adopts it, so a
// damaged file is reported by name instead of failing in the middle of a transaction.
import { fromJsonMessage } from '@shoudan/iso8583';
import type { TerminalState } from './state.ts';

export type ParsedState =
  | { readonly ok: true; readonly value: TerminalState }
  | { readonly ok: false; readonly problem: string };

type Fields = Record<string, unknown>;

const SIX_DIGITS = /^[0-9]{6}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKey(value: unknown): boolean {
  return (
    isObject(value) &&
    (value['scheme'] === '3des' || value['scheme'] === 'sm4') &&
    typeof value['clearKeyHex'] === 'string' &&
    /^([0-9A-Fa-f]{16}){1,2}$/.test(value['clearKeyHex'])
  );
}

function keysProblem(keys: unknown): string | undefined {
  if (keys === undefined) return undefined;
  if (!isObject(keys) || !isKey(keys['pik']) || !isKey(keys['mak'])) return 'workingKeys';
  return keys['tdk'] === undefined || isKey(keys['tdk']) ? undefined : 'workingKeys.tdk';
}

function entryProblem(entry: unknown, index: number): string | undefined {
  const where = `journal[${index}]`;
  if (!isObject(entry)) return where;
  if (!['sale', 'void', 'refund'].includes(String(entry['kind']))) return `${where}.kind`;
  for (const name of ['batchNo', 'voucherNo']) {
    if (!SIX_DIGITS.test(String(entry[name]))) return `${where}.${name}`;
  }
  if (!/^[0-9]{1,12}$/.test(String(entry['amountFen']))) return `${where}.amountFen`;
  if (!ISO_INSTANT.test(String(entry['at']))) return `${where}.at`;
  for (const name of ['maskedPan', 'entryMode', 'rrn', 'responseCode', 'operatorNo']) {
    if (typeof entry[name] !== 'string') return `${where}.${name}`;
  }
  return typeof entry['settled'] === 'boolean' ? undefined : `${where}.settled`;
}

function reversalProblem(pending: unknown): string | undefined {
  if (pending === undefined) return undefined;
  if (!isObject(pending) || !['98', 'A0', '96', '06'].includes(String(pending['reason']))) {
    return 'pendingReversal';
  }
  if (!Number.isInteger(pending['attempts'])) return 'pendingReversal.attempts';
  const message = pending['message'];
  if (!isObject(message)) return 'pendingReversal.message';
  const parsed = fromJsonMessage(message as Parameters<typeof fromJsonMessage>[0]);
  return parsed.ok && parsed.value.mti === '0400' ? undefined : 'pendingReversal.message';
}

function firstProblem(value: Fields): string | undefined {
  if (value['version'] !== 1) return 'version';
  if (!SIX_DIGITS.test(String(value['batchNo']))) return 'batchNo';
  if (!SIX_DIGITS.test(String(value['nextVoucherNo'])) || value['nextVoucherNo'] === '000000') {
    return 'nextVoucherNo';
  }
  const code = value['signInCode'];
  if (code !== undefined && !['001', '003', '004'].includes(String(code))) return 'signInCode';
  const keys = keysProblem(value['workingKeys']);
  if (keys !== undefined) return keys;
  const journal = value['journal'];
  if (!Array.isArray(journal)) return 'journal';
  for (const [index, entry] of journal.entries()) {
    const problem = entryProblem(entry, index);
    if (problem !== undefined) return problem;
  }
  if (!Array.isArray(value['abandonedReversals'])) return 'abandonedReversals';
  return reversalProblem(value['pendingReversal']);
}

/** The state, or the name of the first part that is wrong (never its content). */
export function parseTerminalState(value: unknown): ParsedState {
  if (!isObject(value)) return { ok: false, problem: 'not an object' };
  const problem = firstProblem(value);
  if (problem !== undefined) return { ok: false, problem: `invalid ${problem}` };
  return { ok: true, value: value as unknown as TerminalState };
}
