// How an application reads on screen: the colour of its status, the step of each timeline entry,
// who may withdraw it, and what its payload says (services, a terminal, a refund estimate, a rate).
import type { ApplicationBody, ApplicationKind, ApplicationStatus } from '@shoudan/contracts';
import { z } from 'zod';

/** antd Tag colours (status presets) for each status. */
export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  approved: 'success',
  executed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

const KINDS: readonly string[] = [
  'onboarding',
  'deregistration',
  'service_revocation',
  'service_activation',
  'terminal_replacement',
  'terminal_return',
  'rate_change',
] satisfies ApplicationKind[];

/** The kind when the web knows its name, else null (shown as the API's code). */
export function knownKind(kind: string): ApplicationKind | null {
  return KINDS.includes(kind) ? (kind as ApplicationKind) : null;
}

export type TimelineStep = 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'executed';
const STEPS: readonly string[] = ['submitted', 'approved', 'rejected', 'withdrawn', 'executed'];

/** `application.approved` → `approved`; an action the web does not know → null. */
export function timelineStep(action: string): TimelineStep | null {
  const step = action.startsWith('application.') ? action.slice('application.'.length) : '';
  return STEPS.includes(step) ? (step as TimelineStep) : null;
}

/** antd Timeline colours for each step. */
export const STEP_COLOR: Record<TimelineStep, string> = {
  submitted: 'blue',
  approved: 'green',
  executed: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/**
 * Whether to offer 撤回: only where the API takes it (POST …/withdraw): a submitted application the
 * merchant asked for itself (not a change staff proposed for it), by an owner.
 */
export function mayWithdraw(
  application: Pick<ApplicationBody, 'status' | 'submittedBy'>,
  role: string | null | undefined,
): boolean {
  return (
    role === 'owner' &&
    application.status === 'submitted' &&
    application.submittedBy.kind !== 'staff'
  );
}

const FenText = z.string().regex(/^-?\d{1,18}$/);

const ServicesPayload = z.object({ services: z.array(z.string()).min(1) });
const TerminalPayload = z.object({ terminalId: z.string(), serialNo: z.string().nullish() });
const EstimatePayload = z.object({
  refundEstimate: z.object({ asOf: z.string(), depositRefundFen: FenText, feeRefundFen: FenText }),
});
const RatePayload = z.object({
  service: z.string(),
  rateBps: z.number(),
  capFen: FenText.nullable(),
  effectiveFrom: z.string(),
});

export type PayloadFact =
  | { readonly kind: 'services'; readonly services: readonly string[] }
  | { readonly kind: 'terminal'; readonly terminalId: string; readonly serialNo: string | null }
  | {
      readonly kind: 'refundEstimate';
      readonly asOf: string;
      readonly depositRefundFen: string;
      readonly feeRefundFen: string;
    }
  | {
      readonly kind: 'rate';
      readonly service: string;
      readonly rateBps: number;
      readonly capFen: string | null;
      readonly effectiveFrom: string;
    };

/** What the application's payload says that a merchant reads; nothing for a shape it lacks. */
export function payloadFacts(payload: Record<string, unknown>): PayloadFact[] {
  const facts: PayloadFact[] = [];
  const services = ServicesPayload.safeParse(payload);
  if (services.success) facts.push({ kind: 'services', services: services.data.services });
  const terminal = TerminalPayload.safeParse(payload);
  if (terminal.success) {
    const { terminalId, serialNo } = terminal.data;
    facts.push({ kind: 'terminal', terminalId, serialNo: serialNo ?? null });
  }
  const estimate = EstimatePayload.safeParse(payload);
  if (estimate.success) facts.push({ kind: 'refundEstimate', ...estimate.data.refundEstimate });
  const rate = RatePayload.safeParse(payload);
  if (rate.success) facts.push({ kind: 'rate', ...rate.data });
  return facts;
}
