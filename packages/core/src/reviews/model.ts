// Applications (申请) and their review (审核): one state machine for every kind of change a
// merchant, an applicant or a staff member asks for (DESIGN.md). Pure rules; the stores and the
// API carry them out in one transaction with the audit row.
import { outcome, type Outcome } from '../shared/outcome.ts';
import { err, ok, type Result } from '../shared/result.ts';

export const APPLICATION_KINDS = [
  'onboarding',
  'deregistration',
  'service_revocation',
  'service_activation',
  'terminal_replacement',
  'terminal_return',
  'rate_change',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export const APPLICATION_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'executed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** What may happen to an application, and by whom. */
export type ApplicationAction = 'approve' | 'reject' | 'withdraw' | 'execute';

/** Who acts: a reviewer (staff) or the submitter themselves. */
export type Actor = {
  readonly kind: 'merchant_user' | 'staff' | 'api_key' | 'applicant' | 'system';
  /** The user's, staff member's or key's id; null for an applicant or the system. */
  readonly id: string | null;
};

export type ApplicationFacts = {
  readonly status: ApplicationStatus;
  readonly submittedByKind: Actor['kind'];
  readonly submittedBy: string | null;
};

const NEXT: Record<ApplicationAction, { from: ApplicationStatus; to: ApplicationStatus }> = {
  approve: { from: 'submitted', to: 'approved' },
  reject: { from: 'submitted', to: 'rejected' },
  withdraw: { from: 'submitted', to: 'withdrawn' },
  execute: { from: 'approved', to: 'executed' },
};

/** Open applications block another of the same kind for the same merchant. */
export function isOpen(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

/**
 * The status after `action`, or why not. Outcomes: `application_not_pending` (not from that
 * status), `own_application` (a reviewer reviewing what they submitted: maker-checker).
 */
export function transition(
  facts: ApplicationFacts,
  action: ApplicationAction,
  actor: Actor,
): Result<ApplicationStatus, Outcome<'application_not_pending' | 'own_application'>> {
  const step = NEXT[action];
  if (facts.status !== step.from) {
    return err(outcome('application_not_pending', { status: facts.status, action }));
  }
  const reviewing = action === 'approve' || action === 'reject';
  if (reviewing && actor.id !== null && actor.id === facts.submittedBy) {
    return err(outcome('own_application'));
  }
  return ok(step.to);
}

/** 申请编号: kind letter, the business date and a sequence, e.g. `D20261204000123`. */
export function applicationNo(kind: ApplicationKind, businessDate: string, seq: number): string {
  const letter: Record<ApplicationKind, string> = {
    onboarding: 'O',
    deregistration: 'D',
    service_revocation: 'R',
    service_activation: 'A',
    terminal_replacement: 'T',
    terminal_return: 'U',
    rate_change: 'C',
  };
  return `${letter[kind]}${businessDate.replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
}
