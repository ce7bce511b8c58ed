// How the terminal judges an answer (shared/cup-8583.md §4, §7): MTI = request + 10; 3, 11, 41
// and 4 echoed; the MAC checked when 39 is 00. Anything else is no valid answer.
import { verifyTerminalMac } from '@shoudan/hsm';
import type { CupMessage, UnpackedFrame } from '@shoudan/iso8583';
import type { Context } from './context.ts';

export type AnswerCheck =
  | { readonly kind: 'valid'; readonly answer: CupMessage }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'mac_invalid' };

/** Only 00 is plain success; these others are approvals of a kind (§6). */
const APPROVAL_CODES: ReadonlySet<string> = new Set(['00', '10', '11', 'A2', 'A4', 'A5', 'A6']);

export function isApproval(responseCode: string | undefined): boolean {
  return responseCode !== undefined && APPROVAL_CODES.has(responseCode);
}

export function responseMtiOf(mti: string): string {
  return `${mti.slice(0, 2)}${Number(mti.charAt(2)) + 1}${mti.charAt(3)}`;
}

function echoes(request: CupMessage, answer: CupMessage): boolean {
  if (answer.mti !== responseMtiOf(request.mti)) return false;
  for (const key of ['processingCode', 'stan', 'terminalId'] as const) {
    if (request[key] !== undefined && answer[key] !== request[key]) return false;
  }
  // 4 may differ only on a partial approval.
  const amountKept = answer.amountFen === request.amountFen || answer.responseCode === '10';
  return request.amountFen === undefined || amountKept;
}

function macValid(context: Context, frame: UnpackedFrame): boolean {
  const mak = context.memory.workingKeys?.mak;
  const { mac } = frame.message;
  if (mak === undefined || mac === undefined || frame.macInput === undefined) return false;
  const algorithm = context.settings.macAlgorithm;
  return verifyTerminalMac({ mak, algorithm, data: frame.macInput, mac });
}

/** `macOnApproval`: the request carried a MAC, so an answer with 39 = 00 must carry a good one. */
export function checkAnswer(
  context: Context,
  request: CupMessage,
  frame: UnpackedFrame,
  macOnApproval: boolean,
): AnswerCheck {
  const answer = frame.message;
  if (!echoes(request, answer)) return { kind: 'mismatch' };
  if (macOnApproval && answer.responseCode === '00' && !macValid(context, frame)) {
    return { kind: 'mac_invalid' };
  }
  return { kind: 'valid', answer };
}
