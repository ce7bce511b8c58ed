// The transitions every application shares: approve (re-check, then carry out at once), reject
// (with a reason) and withdraw (by its merchant), each in one transaction with its audit row and
// the merchant's notification.
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

/** By the merchant that submitted it. Outcomes: `not_found`, `application_not_pending`. */
export async function withdrawApplication(
  deps: HttpDeps,
  request: FastifyRequest,
  input: { readonly id: string; readonly merchant: MerchantPrincipal },
): Promise<ApplicationRow> {
  return deps.services.db.transaction(async (tx) => {
    const row = await locked(tx, input.id, input.merchant.merchantId);
    // A merchant withdraws what it asked for, not a change staff proposed for it (a rate change).
    if (row.submittedByKind === 'staff') throw new OutcomeError({ code: 'not_found', param: 'id' });
    next(row, 'withdraw', input.merchant.id);
    const at = deps.services.clock.now();
    await write(tx, row, 'submitted', { status: 'withdrawn', withdrawnAt: at });
    await audit(deps, tx, request, {
      action: 'application.withdrawn',
      objectType: 'application',
      objectId: row.id,
      merchantId: row.merchantId,
      detail: { kind: row.kind },
    });
    const withdrawn = { ...row, status: 'withdrawn', withdrawnAt: at };
    await notifyApplication(deps, tx, withdrawn, 'withdrawn');
    return withdrawn;
  });
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
