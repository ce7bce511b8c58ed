// What a merchant may do to its terminals: report one lost (frozen at once, no review: stopping
// money moving comes first), and ask for a replacement or a return (applications reviewed by ops;
// approval deactivates the terminal). Inventory and shipping of the new terminal come with
// onboarding; until then a replacement's result says one is to be shipped.
import type { FastifyRequest } from 'fastify';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationHandler, ExecutionContext } from '../applications/handlers.ts';
import { submitApplication } from '../applications/submit.ts';
import { audit } from '../audit.ts';
import type { MerchantPrincipal } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';

export type TerminalRow = platform.terminals.TerminalRow;
export type TerminalChangeKind = 'terminal_replacement' | 'terminal_return';

/** The merchant's terminal under its lock, not deactivated; else `not_found` or the refusal. */
async function changeableTerminal(
  tx: Db,
  merchantId: string,
  terminalId: string,
): Promise<TerminalRow> {
  const terminal = await platform.terminals.lockTerminal(tx, merchantId, terminalId);
  if (!terminal) throw new OutcomeError({ code: 'not_found', param: 'terminalId' });
  if (terminal.status === 'deactivated') {
    throw new OutcomeError({ code: 'terminal_deactivated', detail: { terminalId } });
  }
  return terminal;
}

/**
 * Freezes the terminal at once (status `frozen`, reason `lost`), with its audit row and a
 * notification; a terminal already reported lost is answered as it is. The engine declines the
 * terminal's next payment (`terminal_frozen`): it reads the terminal under its lock, and a sale
 * on a snapshot is recorded only if the database still shows the terminal as it was.
 * Outcomes: `not_found`, `terminal_deactivated`.
 */
export async function reportLost(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: {
    readonly merchant: MerchantPrincipal;
    readonly terminalId: string;
    readonly note: string | null;
  },
): Promise<TerminalRow> {
  const { merchantId } = input.merchant;
  const terminal = await changeableTerminal(tx, merchantId, input.terminalId);
  if (terminal.status === 'frozen' && terminal.frozenReason === 'lost') return terminal;
  const frozen = await platform.terminals.setTerminalStatus(tx, {
    merchantId,
    terminalId: terminal.terminalId,
    status: 'frozen',
    frozenReason: 'lost',
  });
  if (!frozen) throw new Error(`terminal ${terminal.terminalId} vanished under its lock`);
  await audit(deps, tx, request, {
    action: 'terminal.reported_lost',
    objectType: 'terminal',
    objectId: terminal.terminalId,
    merchantId,
    detail: { note: input.note, previousStatus: terminal.status },
  });
  await platform.notifications.insertNotification(tx, {
    id: deps.ids.next(),
    merchantId,
    at: deps.services.clock.now(),
    kind: 'terminal.reported_lost',
    title: '终端挂失成功',
    body:
      `终端 ${terminal.terminalId}（序列号 ${terminal.serialNo}）已挂失冻结，该终端的交易将被拒绝。` +
      '如需换机，请提交换机申请。',
    detail: { terminalId: terminal.terminalId, serialNo: terminal.serialNo },
    readAt: null,
  });
  return frozen;
}

/**
 * Submits a replacement or return of the merchant's terminal. Outcomes: `not_found`,
 * `terminal_deactivated`, `application_already_open` (one open per terminal, either kind).
 */
export async function submitTerminalChange(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: {
    readonly kind: TerminalChangeKind;
    readonly merchant: MerchantPrincipal;
    readonly terminalId: string;
    readonly reason: string;
  },
) {
  const { merchantId } = input.merchant;
  const terminal = await changeableTerminal(tx, merchantId, input.terminalId);
  return submitApplication(deps, tx, request, {
    kind: input.kind,
    merchantId,
    reason: input.reason,
    payload: {
      terminalId: terminal.terminalId,
      serialNo: terminal.serialNo,
      terminalStatus: terminal.status,
      frozenReason: terminal.frozenReason,
    },
  });
}

function terminalIdOf(ctx: ExecutionContext): string {
  const payload = ctx.application.payload as { terminalId?: unknown };
  if (typeof payload.terminalId !== 'string')
    throw new Error('a terminal change names its terminal');
  return payload.terminalId;
}

function merchantIdOf(ctx: ExecutionContext): string {
  if (!ctx.application.merchantId) throw new Error('a terminal change has its merchant');
  return ctx.application.merchantId;
}

/** Approval re-checks that the terminal is still the merchant's and not deactivated. */
async function recheck(ctx: ExecutionContext): Promise<void> {
  await changeableTerminal(ctx.tx, merchantIdOf(ctx), terminalIdOf(ctx));
}

async function deactivate(ctx: ExecutionContext): Promise<TerminalRow> {
  const merchantId = merchantIdOf(ctx);
  const before = await changeableTerminal(ctx.tx, merchantId, terminalIdOf(ctx));
  const after = await platform.terminals.setTerminalStatus(ctx.tx, {
    merchantId,
    terminalId: before.terminalId,
    status: 'deactivated',
  });
  if (!after) throw new Error(`terminal ${before.terminalId} vanished under its lock`);
  await audit(ctx.deps, ctx.tx, ctx.request, {
    action: 'terminal.deactivated',
    objectType: 'terminal',
    objectId: before.terminalId,
    merchantId,
    detail: { applicationId: ctx.application.id, kind: ctx.application.kind },
  });
  return after;
}

/** Return (退机): approval deactivates the terminal. */
export const terminalReturnHandler: ApplicationHandler = {
  reviewers: ['ops'],
  recheck,
  execute: async (ctx) => {
    const terminal = await deactivate(ctx);
    return { terminalId: terminal.terminalId, terminalStatus: terminal.status };
  },
};

/**
 * Replacement (换机): approval deactivates the old terminal; the result says a new one is to be
 * shipped.
 */
export const terminalReplacementHandler: ApplicationHandler = {
  reviewers: ['ops'],
  recheck,
  execute: async (ctx) => {
    const terminal = await deactivate(ctx);
    return {
      terminalId: terminal.terminalId,
      terminalStatus: terminal.status,
      replacement: 'to_be_shipped',
      note:
        'A replacement terminal is to be shipped. Terminal inventory and shipping come with ' +
        'onboarding; until then ops allocate and ship it outside the platform.',
    };
  },
};
