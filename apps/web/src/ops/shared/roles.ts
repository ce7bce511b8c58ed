// What each staff role may do in the ops console, as the API's guards decide it (the `staffOf`
// roles of apps/server/src/http/routes/*.ts and each application kind's `reviewers`). The console
// hides or disables what a role may not do, so the API is never asked to refuse it.
import type { StaffRole } from '@shoudan/contracts';

export type Roles = readonly StaffRole[];

const ANY: Roles = ['reviewer', 'support', 'ops', 'finance'];

/** Admin holds every role; the lists name the others. */
export const ACCESS = {
  reviewQueue: ['reviewer', 'ops', 'finance', 'support'],
  documents: ['reviewer'],
  merchants: ANY,
  closure: ['reviewer', 'finance', 'support'],
  terminals: ANY,
  inventory: ['ops'],
  rateChanges: ['reviewer', 'support', 'ops', 'finance'],
  proposeRateChange: ['ops', 'finance'],
  businessDates: ANY,
  cutoff: ['ops'],
  settlement: ['ops', 'finance'],
  payoutsPaid: ['finance'],
  ledgerCheck: ['finance', 'ops'],
  audit: ANY,
  tickets: ['support'],
} as const satisfies Record<string, Roles>;

export type Permission = keyof typeof ACCESS;

export function allows(roles: Roles | undefined, allowed: Roles): boolean {
  if (!roles) return false;
  return roles.includes('admin') || allowed.some((role) => roles.includes(role));
}

export function may(roles: Roles | undefined, permission: Permission): boolean {
  return allows(roles, ACCESS[permission]);
}

/** Who approves or rejects each kind (the handlers' `reviewers`); admin may review any. */
export const REVIEWERS: Readonly<Record<string, Roles>> = {
  onboarding: ['reviewer'],
  deregistration: ['reviewer'],
  service_revocation: ['reviewer', 'ops'],
  service_activation: ['reviewer', 'ops'],
  terminal_replacement: ['ops'],
  terminal_return: ['ops'],
  rate_change: ['ops', 'finance'],
};

export function reviewersOf(kind: string): Roles {
  return REVIEWERS[kind] ?? [];
}

/** The part of an application that decides whether the signed-in staff member may review it. */
export type Reviewable = {
  readonly kind: string;
  readonly status: string;
  readonly submittedBy: { readonly kind: string; readonly id: string | null };
};

export type Reviewer = { readonly userId: string; readonly roles: Roles };

/**
 * Why the reviewer may not approve or reject the application, or null when they may:
 * `not_pending` (already decided), `own` (maker-checker: they submitted it), `role`.
 */
export type ReviewBlock = 'not_pending' | 'own' | 'role' | null;

export function reviewBlock(application: Reviewable, reviewer: Reviewer): ReviewBlock {
  if (application.status !== 'submitted') return 'not_pending';
  if (isOwn(application, reviewer.userId)) return 'own';
  if (!allows(reviewer.roles, reviewersOf(application.kind))) return 'role';
  return null;
}

/** Proposed by this staff member (a rate change): they may withdraw it and never review it. */
export function isOwn(application: Reviewable, userId: string | undefined): boolean {
  const by = application.submittedBy;
  return by.kind === 'staff' && by.id !== null && by.id === userId;
}
