// One frame in, one answer out: unpack (a frame that cannot be read is answered 30 when its MTI,
// 41 and 42 could be read, else the connection is closed), authenticate, route to a flow, then
// frame the answer with TPDU swapped, the header's 处理要求 and, for financial answers, the MAC.
// A defect becomes 96 and an error log; nothing here throws.
import {
  answerHeader,
  describe,
  isResponseMti,
  packFrame,
  swapTpdu,
  unpackFrame,
  type CupHeader,
  type CupMessage,
  type Tpdu,
  type UnpackError,
} from '@shoudan/iso8583';
import type { Logger } from '../logger.ts';
import { gatewayDecline, reply } from './answers.ts';
import { answerRefund } from './flows/refund.ts';
import { answerReversal } from './flows/reversal.ts';
import { answerSale, answerVoid } from './flows/sale.ts';
import { answerSettlement } from './flows/settlement.ts';
import {
  answerBatchUpload,
  answerEchoTest,
  answerSignIn,
  answerSignOff,
} from './flows/management.ts';
import { GATEWAY_CODES } from './response-codes.ts';
import { routeOf, type Route } from './route.ts';
import { authenticate } from './security.ts';
import type { FlowContext, GatewayContext, MacKey, Reply } from './types.ts';

export type FrameResult =
  | { readonly kind: 'answer'; readonly bytes: Uint8Array }
  | { readonly kind: 'close'; readonly reason: string };

type Envelope = { readonly tpdu: Tpdu; readonly header: CupHeader };

/** Where lines about a frame go: a request's logger, or the connection's for an unreadable one. */
type LogTarget = { readonly logger: Logger };

/**
 * The logger of one request: every line names its terminal and trace number. Most requests
 * write only their answer line, which names both itself, so the child logger the other lines
 * need is made on first use. A pino child per request cost 13 µs where each connection carries
 * one request: a child's prototype is its parent, and V8 builds new hidden classes for each new
 * prototype, here each connection's logger.
 */
class RequestLog implements LogTarget {
  readonly #parent: Logger;
  readonly #bindings: {
    readonly terminalId: string | undefined;
    readonly stan: string | undefined;
  };
  #child: Logger | undefined;

  constructor(parent: Logger, message: CupMessage) {
    this.#parent = parent;
    this.#bindings = { terminalId: message.terminalId, stan: message.stan };
  }

  get logger(): Logger {
    this.#child ??= this.#parent.child(this.#bindings);
    return this.#child;
  }
}

export async function handleFrame(
  deps: GatewayContext,
  bytes: Uint8Array,
  log: Logger,
): Promise<FrameResult> {
  const frame = unpackFrame(bytes);
  if (!frame.ok) return unreadable(deps, frame.error, log);
  const { tpdu, header, message, macInput } = frame.value;
  if (isResponseMti(message.mti)) return { kind: 'close', reason: 'response_from_terminal' };
  const requestLog = new RequestLog(log, message);
  // describe() masks card data; it is still only for debugging, and not free to compute.
  if (log.isLevelEnabled('debug')) {
    const fields = { event: 'message.received', mti: message.mti, message: describe(message) };
    requestLog.logger.debug(fields);
  }
  const started = deps.clock.monotonicMs();
  let macKey: MacKey | null = null;
  let answer: Reply;
  try {
    const auth = await authenticate(deps, { message, macInput });
    if (auth.ok) macKey = auth.session.macKey;
    answer = auth.ok
      ? await dispatch(routeOf(message), {
          deps,
          request: message,
          session: auth.session,
          get log() {
            return requestLog.logger;
          },
        })
      : auth.reply;
  } catch (defect) {
    const fields = { event: 'message.failed', err: defect };
    requestLog.logger.error(fields, 'request failed: answered 96');
    answer = malfunction(deps, message, macKey);
  }
  const packed = pack(deps, { tpdu, header }, answer, requestLog);
  // The request's child logger would put its terminal and trace number first: so does this.
  log.info({
    terminalId: message.terminalId,
    stan: message.stan,
    event: 'message.answered',
    mti: message.mti,
    processingCode: message.processingCode,
    responseCode: answer.message.responseCode,
    rrn: answer.message.rrn,
    processingRequest: answer.processingRequest,
    ms: Math.round(deps.clock.monotonicMs() - started),
  });
  return packed;
}

function dispatch(route: Route, ctx: FlowContext): Promise<Reply> | Reply {
  switch (route) {
    case 'sign_in':
      return answerSignIn(ctx);
    case 'sign_off':
      return answerSignOff(ctx);
    case 'echo_test':
      return answerEchoTest(ctx);
    case 'sale':
      return answerSale(ctx);
    case 'void':
      return answerVoid(ctx);
    case 'refund':
      return answerRefund(ctx);
    case 'reversal':
      return answerReversal(ctx);
    case 'settlement':
      return answerSettlement(ctx);
    case 'batch_upload':
      return answerBatchUpload(ctx);
    case 'unsupported':
      return decline(ctx, GATEWAY_CODES.notSupported);
    case 'malformed':
      return decline(ctx, GATEWAY_CODES.formatError);
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

function decline(ctx: FlowContext, responseCode: string): Reply {
  const at = ctx.deps.clock.now();
  const cutoffTime = ctx.deps.config.cutoffTime;
  return reply(gatewayDecline(ctx.request, { responseCode, at, cutoffTime }), ctx.session.macKey);
}

function malfunction(deps: GatewayContext, request: CupMessage, macKey: MacKey | null): Reply {
  const at = deps.clock.now();
  const responseCode = GATEWAY_CODES.systemMalfunction;
  return reply(
    gatewayDecline(request, { responseCode, at, cutoffTime: deps.config.cutoffTime }),
    macKey,
  );
}

/**
 * §9: a frame that cannot be read is answered 30 when its MTI, 41 and 42 could be read (without
 * a MAC: the sender is not authenticated), else the stream cannot be trusted and is closed.
 */
function unreadable(deps: GatewayContext, error: UnpackError, log: Logger): FrameResult {
  const { partial } = error;
  log.warn({
    event: 'message.unreadable',
    reason: error.reason,
    fieldPath: error.fieldPath.join('.'),
    mti: partial?.mti,
    terminalId: partial?.terminalId,
  });
  const { tpdu, header, mti, terminalId, merchantNo } = partial ?? {};
  if (!tpdu || !header || !mti || !terminalId || !merchantNo || isResponseMti(mti)) {
    return { kind: 'close', reason: `unreadable_${error.reason}` };
  }
  const request: CupMessage = {
    mti,
    terminalId,
    merchantNo,
    ...(partial?.processingCode === undefined ? {} : { processingCode: partial.processingCode }),
    ...(partial?.amountFen === undefined ? {} : { amountFen: partial.amountFen }),
    ...(partial?.stan === undefined ? {} : { stan: partial.stan }),
  };
  try {
    const answer = reply(
      gatewayDecline(request, {
        responseCode: GATEWAY_CODES.formatError,
        at: deps.clock.now(),
        cutoffTime: deps.config.cutoffTime,
      }),
      null,
    );
    return pack(deps, { tpdu, header }, answer, { logger: log });
  } catch (defect) {
    log.error({ event: 'message.failed', err: defect }, 'could not answer an unreadable frame');
    return { kind: 'close', reason: 'unanswerable' };
  }
}

/** Frames the answer; an answer that cannot be packed (a defect) becomes a bare 96, else close. */
function pack(
  deps: GatewayContext,
  envelope: Envelope,
  answer: Reply,
  log: LogTarget,
): FrameResult {
  const frame = {
    tpdu: swapTpdu(envelope.tpdu),
    header: answerHeader(envelope.header, answer.processingRequest),
    message: answer.message,
  };
  const { macKey } = answer;
  try {
    const packed = packFrame(
      frame,
      macKey === null
        ? undefined
        : {
            // A method, not an arrow: tsx (esbuild keepNames) names each arrow it creates with a
            // defineProperty call, 0.3 µs per answer.
            computeMac(data) {
              const { mak, algorithm } = macKey;
              return deps.hsm.generateMac({ makUnderLmk: mak, algorithm, data });
            },
          },
    );
    if (packed.ok) return { kind: 'answer', bytes: packed.value };
    log.logger.error({
      event: 'message.unpackable',
      reason: packed.error.reason,
      fieldPath: packed.error.fieldPath.join('.'),
    });
  } catch (defect) {
    log.logger.error({ event: 'message.unpackable', err: defect }, 'answer could not be framed');
  }
  return bare96(envelope, answer.message, log);
}

function bare96(envelope: Envelope, answer: CupMessage, log: LogTarget): FrameResult {
  const { mti, stan, terminalId, merchantNo, processingCode, amountFen } = answer;
  const message: CupMessage = {
    mti,
    responseCode: GATEWAY_CODES.systemMalfunction,
    ...(stan === undefined ? {} : { stan }),
    ...(terminalId === undefined ? {} : { terminalId }),
    ...(merchantNo === undefined ? {} : { merchantNo }),
    ...(processingCode === undefined ? {} : { processingCode }),
    ...(amountFen === undefined ? {} : { amountFen }),
  };
  const packed = packFrame({
    tpdu: swapTpdu(envelope.tpdu),
    header: answerHeader(envelope.header, '0'),
    message,
  });
  if (packed.ok) return { kind: 'answer', bytes: packed.value };
  const fields = { event: 'message.unpackable', reason: packed.error.reason };
  log.logger.error(fields, 'not even a bare 96');
  return { kind: 'close', reason: 'unanswerable' };
}
