// Management messages: sign-in (签到, 0800 → working keys under the TMK and the batch to adopt),
// sign-off (签退) and echo test (0820), and batch upload (批上送, 0320: always 00 — the host's own
// figures stand and the terminal cannot close its batch without the answers).
import {
  ACQUIRER_ID,
  gatewayDecline,
  managementAnswer,
  managementRrn,
  outcomeDecline,
  reply,
} from '../answers.ts';
import { GATEWAY_CODES, processingRequestOf } from '../response-codes.ts';
import type { FlowContext, Reply } from '../types.ts';

function declined(ctx: FlowContext, responseCode: string): Reply {
  const at = ctx.deps.clock.now();
  return reply(
    gatewayDecline(ctx.request, { responseCode, at, cutoffTime: ctx.deps.config.cutoffTime }),
    null,
  );
}

/**
 * 0800: the engine signs the terminal in (activating a shipped one) and names its batch; the
 * security module issues new working keys under the terminal's TMK in the layout of 60.3, which
 * are stored under the LMK and sent in 62. Refused: unknown/frozen/inactive (engine codes), no
 * TMK loaded (97), a 60.3 the TMK's scheme cannot serve (40).
 */
export async function answerSignIn(ctx: FlowContext): Promise<Reply> {
  const { terminal } = ctx.session;
  const keys = terminal.keys;
  if (keys === null) {
    ctx.log.warn({ event: 'sign_in.no_master_key' }, 'no TMK loaded for this terminal');
    return declined(ctx, GATEWAY_CODES.terminalNotRegistered);
  }
  const code = ctx.request.networkManagementCode ?? '';
  // Keys first (in memory only): a 60.3 the TMK cannot serve changes nothing.
  const issued = ctx.deps.hsm.issueWorkingKeys({
    tmkUnderLmk: keys.tmk,
    networkManagementCode: code,
    doubleLengthMak: keys.macAlgorithm === 'x919',
  });
  if (!issued.ok) return declined(ctx, GATEWAY_CODES.notSupported);
  const signed = await ctx.deps.engine.signIn({ terminalId: terminal.terminalId });
  const at = ctx.deps.clock.now();
  if (!signed.ok) {
    const { cutoffTime } = ctx.deps.config;
    const outcome = signed.outcome.code;
    const answer = outcomeDecline(ctx.request, { code: outcome, facts: null, at, cutoffTime });
    return reply(answer, null, processingRequestOf(outcome));
  }
  const { pikUnderLmk, makUnderLmk, tdkUnderLmk, field62 } = issued.value;
  const saved = await ctx.deps.terminalKeys.saveWorkingKeys(terminal.terminalId, {
    pik: pikUnderLmk,
    mak: makUnderLmk,
    tdk: tdkUnderLmk ?? null,
    signInCode: code,
    issuedAt: at,
  });
  // The TMK row was there a moment ago: its disappearance is a defect (answered 96).
  if (!saved) throw new Error('the terminal key row vanished during sign-in');
  const batchNo = String(signed.value.batchNo).padStart(6, '0');
  ctx.log.info({
    event: 'terminal.signed_in',
    signInCode: code,
    batchNo,
    activated: signed.value.activated,
  });
  return reply(
    {
      ...managementAnswer(ctx.request, GATEWAY_CODES.approved, at),
      acquirerId: ACQUIRER_ID,
      rrn: managementRrn(ctx.request, at),
      batchNo,
      workingKeys: field62,
    },
    null,
  );
}

/** 0820 / 002: the session ends and its working keys are dropped (sign in again for new ones). */
export async function answerSignOff(ctx: FlowContext): Promise<Reply> {
  const { terminalId } = ctx.session.terminal;
  const signed = await ctx.deps.engine.signOff({ terminalId });
  const at = ctx.deps.clock.now();
  if (!signed.ok) {
    const { cutoffTime } = ctx.deps.config;
    return reply(
      outcomeDecline(ctx.request, { code: signed.outcome.code, facts: null, at, cutoffTime }),
      null,
    );
  }
  await ctx.deps.terminalKeys.clearWorkingKeys(terminalId);
  ctx.log.info({ event: 'terminal.signed_off' });
  return reply(managementAnswer(ctx.request, GATEWAY_CODES.approved, at), null);
}

/** 0820 / 301: the line and the host are up. */
export function answerEchoTest(ctx: FlowContext): Reply {
  return reply(managementAnswer(ctx.request, GATEWAY_CODES.approved, ctx.deps.clock.now()), null);
}

/** 0320: every upload record and the end of upload are acknowledged with 00. */
export function answerBatchUpload(ctx: FlowContext): Reply {
  ctx.log.debug({ event: 'batch_upload.received', code: ctx.request.networkManagementCode });
  return reply(managementAnswer(ctx.request, GATEWAY_CODES.approved, ctx.deps.clock.now()), null);
}
