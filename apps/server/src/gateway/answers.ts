// Building answers: the echoed fields (startResponse), then what the host adds — local time and
// date, the business date, RRN, response code, and for approvals 38, 44 and 63 (§4) — from the
// recorded transaction, so a replayed request gets the same answer byte for byte.
import { businessDateOf, isDomesticCard, shanghaiWallTime, type OutcomeCode } from '@shoudan/core';
import { startResponse, type CupMessage } from '@shoudan/iso8583';
import { answerTextOf, GATEWAY_CODES, responseCodeOf } from './response-codes.ts';
import type { MacKey, Reply } from './types.ts';

/** The acquirer's institution id (32, and the second half of 44). */
export const ACQUIRER_ID = '48020000';
/** The issuer id written in 44: the simulated network answers for every issuer. */
export const ISSUER_ID = '01020000';

/** What an answer takes from a recorded transaction. */
export type TransactionFacts = {
  readonly rrn: string;
  readonly authCode: string | null;
  readonly createdAt: Date;
  readonly businessDate: string;
  readonly cardOrg: string | null;
};

/** Texts (63.2) for the codes the gateway answers by itself. */
const GATEWAY_TEXTS: Readonly<Record<string, string>> = {
  [GATEWAY_CODES.formatError]: '报文格式错误',
  [GATEWAY_CODES.notSupported]: '暂不支持该交易',
  [GATEWAY_CODES.systemMalfunction]: '系统故障，请稍后再试',
  [GATEWAY_CODES.pinFormatError]: '密码格式错，请重新签到',
  [GATEWAY_CODES.macFailed]: 'MAC校验错，请重新签到',
  [GATEWAY_CODES.terminalNotRegistered]: '终端未登记',
  [GATEWAY_CODES.invalidMerchant]: '商户号与终端不符',
};

/** The answer's MTI and echoed fields; the request MTI was checked to be a request's. */
export function started(request: CupMessage): CupMessage {
  const answer = startResponse(request);
  if (!answer.ok) throw new Error(`cannot answer MTI ${request.mti}: ${answer.error.reason}`);
  return answer.value;
}

/** MMDD of a business date `YYYY-MM-DD`. */
function mmddOf(businessDate: string): string {
  return businessDate.slice(5, 7) + businessDate.slice(8, 10);
}

/**
 * 63.1 as the terminal must count the transaction at settlement (§5): `CUP` for what the host's
 * batch totals count as domestic (a card organisation of CUP or none: QR codes), else the
 * organisation itself.
 */
export function cardOrganisationOf(cardOrg: string | null): string {
  if (cardOrg === null || isDomesticCard(cardOrg)) return 'CUP';
  const code = cardOrg.slice(0, 3).padEnd(3, ' ');
  // Anything else is foreign; a three-letter code that happened to read CUP could not be.
  return code === 'CUP' ? 'OTH' : code;
}

export type FinancialAnswerInput = {
  readonly responseCode: string;
  /** The recorded transaction, when there is one; else the time is `at`. */
  readonly facts: TransactionFacts | null;
  readonly at: Date;
  readonly cutoffTime: string;
  /** Answer text (63.2), for declines. */
  readonly text?: string | undefined;
  /** 38, 44 and 63.1 of an approval; a reversal's answer has none (default true). */
  readonly approvalDetails?: boolean;
};

/**
 * A financial answer (0210, 0230, 0410 …): echoed fields, then the host's. The host's fields are
 * assigned onto the fresh object `started` returns rather than spread into a new one: from a
 * message like that, V8 makes `{ ...x, more }` a new hidden class every time, ~2 µs for each
 * property after the spread (15 µs an answer, more than packing it), and the packer reading
 * objects of ever new classes is slower too.
 */
export function financialAnswer(request: CupMessage, input: FinancialAnswerInput): CupMessage {
  const { facts } = input;
  const at = facts?.createdAt ?? input.at;
  const wall = shanghaiWallTime(at);
  const businessDate = facts?.businessDate ?? businessDateOf(at, input.cutoffTime);
  const approved = input.responseCode === GATEWAY_CODES.approved;
  const answer: CupMessage = Object.assign(
    started(request),
    {
      localTime: wall.hhmmss,
      localDate: wall.mmdd,
      settlementDate: mmddOf(businessDate),
      acquirerId: ACQUIRER_ID,
      responseCode: input.responseCode,
    },
    facts === null ? {} : { rrn: facts.rrn },
  );
  if (approved && facts !== null && input.approvalDetails !== false) {
    return Object.assign(
      answer,
      facts.authCode === null ? {} : { authorisationCode: facts.authCode },
      {
        additionalResponse: `${ISSUER_ID.padEnd(11)}${ACQUIRER_ID.padEnd(11)}`,
        cardOrganisation: cardOrganisationOf(facts.cardOrg),
      },
    );
  }
  if (input.text === undefined) return answer;
  return Object.assign(answer, {
    cardOrganisation: cardOrganisationOf(facts?.cardOrg ?? null),
    responseText: input.text,
  });
}

/** A decline the gateway decides itself (30, 40, 96, 99, A0, 97, 03), with its text. */
export function gatewayDecline(
  request: CupMessage,
  input: { readonly responseCode: string; readonly at: Date; readonly cutoffTime: string },
): CupMessage {
  const { responseCode, at, cutoffTime } = input;
  if (!isFinancial(request.mti)) return managementAnswer(request, responseCode, at);
  const text = GATEWAY_TEXTS[responseCode];
  return financialAnswer(request, { responseCode, facts: null, at, cutoffTime, text });
}

/** A decline for a domain outcome: its code and Chinese text, from the record when there is one. */
export function outcomeDecline(
  request: CupMessage,
  input: {
    readonly code: OutcomeCode;
    readonly facts: TransactionFacts | null;
    readonly at: Date;
    readonly cutoffTime: string;
  },
): CupMessage {
  const { code, facts, at, cutoffTime } = input;
  const responseCode = responseCodeOf(code);
  if (!isFinancial(request.mti)) return managementAnswer(request, responseCode, at);
  return financialAnswer(request, {
    responseCode,
    facts,
    at,
    cutoffTime,
    text: answerTextOf(code),
  });
}

/** A management answer (0810, 0830, 0330): echoed 11, 41, 42, 60, then 12, 13 and 39. */
export function managementAnswer(request: CupMessage, responseCode: string, at: Date): CupMessage {
  const wall = shanghaiWallTime(at);
  // Assigned, not spread: see financialAnswer.
  return Object.assign(started(request), {
    localTime: wall.hhmmss,
    localDate: wall.mmdd,
    responseCode,
  });
}

/**
 * An RRN for answers that record no transaction (0810, 0510): the host's time and the trace
 * number, as public hosts write them. Transactions take theirs from the database sequence.
 */
export function managementRrn(request: CupMessage, at: Date): string {
  return `${shanghaiWallTime(at).hhmmss}${(request.stan ?? '').padStart(6, '0').slice(-6)}`;
}

/** Financial messages (0100, 0200, 0220, 0400 and their answers) carry MACs (§7). */
export function isFinancial(mti: string): boolean {
  const messageClass = mti.charAt(1);
  return messageClass === '1' || messageClass === '2' || messageClass === '4';
}

/** A reply; its MAC key is used only for the message classes that carry MACs. */
export function reply(
  message: CupMessage,
  macKey: MacKey | null,
  processingRequest: '0' | '3' = '0',
): Reply {
  return { message, processingRequest, macKey: isFinancial(message.mti) ? macKey : null };
}
