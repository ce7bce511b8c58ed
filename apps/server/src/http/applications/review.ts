// The transitions every application shares: approve (re-check, then carry out at once), reject
// (with a reason) and withdraw (by who submitted it), each in one transaction with its audit row
// and the merchant's notification.
import type { FastifyRequest } from 'fastify';
import {
  transition,
  type ApplicationAction,
  type ApplicationKind,
  type ApplicationStatus,
} from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import type { MerchantPrincipal, StaffPrincipal } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { handlerOf, type ApplicationRow } from './handlers.ts';
import { notifyApplication } from './submit.ts';

/** The application under its lock, or `not_found` (a merchant sees only its own). */
async function locked(tx: Db, id: string, merchantId?: string): Promise<ApplicationRow> {
  const row = await platform.applications.lockApplication(tx, id, merchantId);
  if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
  return row;
}

function next(row: ApplicationRow, action: ApplicationAction, actorId: string): ApplicationStatus {
  const moved = transition(
    {
      status: row.status as ApplicationStatus,
      submittedByKind: row.submittedByKind as 'staff',
      submittedBy: row.submittedBy,
    },
    action,
    { kind: 'staff', id: actorId },
  );
  if (!moved.ok) throw new OutcomeError(moved.outcome);
  return moved.value;
}

/**
 * Approves and carries out: the kind's re-check, then its change, in one transaction.
 * Outcomes: `not_found`, `application_not_pending`, `own_application`, `forbidden` (the
 * reviewer's roles), and whatever the kind's re-check or change refuses with.
 */
export async function approveApplication(
  deps: HttpDeps,
  request: FastifyRequest,
  input: {
    readonly id: string;
    readonly reviewer: StaffPrincipal;
    readonly comment: string | null;
  },
): Promise<ApplicationRow> {
  return deps.services.db.transaction(async (tx) => {
    const row = await locked(tx, input.id);
    const handler = handlerOf(row.kind as ApplicationKind);
    if (!handler) throw new Error(`no handler for ${row.kind}`);
    mayReview(input.reviewer, handler.reviewers);
    next(row, 'approve', input.reviewer.id);
    const at = deps.services.clock.now();
    const ctx = { deps, tx, request, application: row, reviewer: input.reviewer, at };
    await handler.recheck?.(ctx);
    const reviewed = {
      reviewedBy: input.reviewer.id,
      reviewedAt: at,
      reviewComment: input.comment,
    };
    await write(tx, row, 'submitted', { status: 'approved', ...reviewed });
    await audit(deps, tx, request, {
      action: 'application.approved',
      objectType: 'application',
      objectId: row.id,
      merchantId: row.merchantId,
      detail: { kind: row.kind, comment: input.comment },
    });
    const approved: ApplicationRow = { ...row, status: 'approved', ...reviewed };
    const result = await handler.execute({ ...ctx, application: approved });
    await write(tx, row, 'approved', { status: 'executed', executedAt: at, result });
    await audit(deps, tx, request, {
      action: 'application.executed',
      objectType: 'application',
      objectId: row.id,
      merchantId: row.merchantId,
      detail: { kind: row.kind, result },
    });
    const executed: ApplicationRow = { ...approved, status: 'executed', executedAt: at, result };
    await notifyApplication(deps, tx, executed, 'executed', { result });
    return executed;
  });
}

/** Outcomes: `not_found`, `application_not_pending`, `own_application`, `forbidden`. */
export async function rejectApplication(
  deps: HttpDeps,
  request: FastifyRequest,
  input: { readonly id: string; readonly reviewer: StaffPrincipal; readonly comment: string },
): Promise<ApplicationRow> {
  return deps.services.db.transaction(async (tx) => {
    const row = await locked(tx, input.id);
    const handler = handlerOf(row.kind as ApplicationKind);
    mayReview(input.reviewer, handler?.reviewers ?? ['reviewer']);
    next(row, 'reject', input.reviewer.id);
    const at = deps.services.clock.now();
    const change = {
      status: 'rejected' as const,
      reviewedBy: input.reviewer.id,
      reviewedAt: at,
      reviewComment: input.comment,
    };
    await write(tx, row, 'submitted', change);
    await audit(deps, tx, request, {
      action: 'application.rejected',
      objectType: 'application',
      objectId: row.id,
      merchantId: row.merchantId,
      detail: { kind: row.kind, comment: input.comment },
    });
    const rejected = { ...row, ...change };
    await notifyApplication(deps, tx, rejected, 'rejected', { comment: input.comment });
    return rejected;
  });
}

/**
 * Who withdraws: the merchant (an owner) of what it asked for; the staff member who proposed a
 * change (a rate change), and only they; the applicant of an onboarding application, who
 * `proves` it in the transaction (its access token, `applicationOfToken`).
 */
export type Withdrawer =
  | { readonly kind: 'merchant'; readonly merchant: MerchantPrincipal }
  | { readonly kind: 'staff'; readonly staff: StaffPrincipal }
  | { readonly kind: 'applicant'; readonly proves: (tx: Db) => Promise<void> };

/**
 * A submitted application withdrawn by who submitted it, under its lock. Outcomes: `not_found`
 * (a merchant's other than its own, or one staff proposed for it), `forbidden` (staff: a proposal
 * of someone else), `application_not_pending`.
 */
export async function withdrawApplication(
  deps: HttpDeps,
  request: FastifyRequest,
  input: { readonly id: string; readonly by: Withdrawer },
): Promise<ApplicationRow> {
  return deps.services.db.transaction(async (tx) => {
    const { by } = input;
    if (by.kind === 'applicant') await by.proves(tx);
    const row = await locked(
      tx,
      input.id,
      by.kind === 'merchant' ? by.merchant.merchantId : undefined,
    );
    const actorId = mayWithdraw(row, by);
    next(row, 'withdraw', actorId);
    const at = deps.services.clock.now();
    await write(tx, row, 'submitted', { status: 'withdrawn', withdrawnAt: at });
    await audit(deps, tx, request, {
      action: 'application.withdrawn',
      objectType: 'application',
      objectId: row.id,
      merchantId: row.merchantId,
      detail: { kind: row.kind, by: by.kind },
    });
    const withdrawn = { ...row, status: 'withdrawn', withdrawnAt: at };
    // As at submission: a change staff proposed was never announced to the merchant.
    if (row.submittedByKind !== 'staff') await notifyApplication(deps, tx, withdrawn, 'withdrawn');
    return withdrawn;
  });
}

/** The withdrawer's id for the transition, or why they may not withdraw `row`. */
function mayWithdraw(row: ApplicationRow, by: Withdrawer): string {
  switch (by.kind) {
    case 'merchant':
      // A merchant withdraws what it asked for, not a change staff proposed for it.
      if (row.submittedByKind === 'staff') {
        throw new OutcomeError({ code: 'not_found', param: 'id' });
      }
      return by.merchant.id;
    case 'staff':
      if (row.submittedByKind !== 'staff' || row.submittedBy !== by.staff.id) {
        throw new OutcomeError({ code: 'forbidden' });
      }
      return by.staff.id;
    case 'applicant':
      if (row.kind !== 'onboarding') throw new OutcomeError({ code: 'not_found', param: 'id' });
      return row.id;
    default: {
      const never: never = by;
      return never;
    }
  }
}

function mayReview(reviewer: StaffPrincipal, roles: readonly string[]): void {
  const allowed =
    reviewer.roles.includes('admin') || reviewer.roles.some((role) => roles.includes(role));
  if (!allowed) throw new OutcomeError({ code: 'forbidden' });
}

async function write(
  tx: Db,
  row: ApplicationRow,
  from: ApplicationStatus,
  change: platform.applications.ApplicationChange,
): Promise<void> {
  // The row is locked: another transition cannot have moved it since it was read.
  const written = await platform.applications.updateApplication(tx, row.id, from, change);
  if (!written) throw new Error(`application ${row.id} moved under its lock`);
}
