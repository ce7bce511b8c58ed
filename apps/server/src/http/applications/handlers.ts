// What each kind of application does when it is approved: who reviews it, what is re-checked at
// approval, and how the change is carried out (in the approval's transaction). A kind without a
// handler cannot be submitted.
import type { FastifyRequest } from 'fastify';
import type { ApplicationKind } from '@shoudan/core';
import type { Db, platform, StaffRole } from '@shoudan/db';
import type { StaffPrincipal } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';

export type ApplicationRow = platform.applications.ApplicationRow;

export type ExecutionContext = {
  readonly deps: HttpDeps;
  readonly tx: Db;
  readonly request: FastifyRequest;
  readonly application: ApplicationRow;
  readonly reviewer: StaffPrincipal;
  readonly at: Date;
};

export type ApplicationHandler = {
  /** Staff roles that may approve or reject it (admin may always). */
  readonly reviewers: readonly StaffRole[];
  /**
   * Checks again at approval what was checked at submission; throws an OutcomeError to refuse
   * the approval (the application stays submitted).
   */
  recheck?(ctx: ExecutionContext): Promise<void>;
  /** Carries out the change; what it returns is kept as the application's result. */
  execute(ctx: ExecutionContext): Promise<Record<string, unknown>>;
};

const handlers = new Map<ApplicationKind, ApplicationHandler>();

/** Called once per kind by the module that owns it (see routes/index.ts). */
export function registerApplicationHandler(kind: ApplicationKind, handler: ApplicationHandler) {
  handlers.set(kind, handler);
}

export function handlerOf(kind: ApplicationKind): ApplicationHandler | undefined {
  return handlers.get(kind);
}
