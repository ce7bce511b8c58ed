// Audit rows for the change a request makes, written with the change in its transaction.
import type { FastifyRequest } from 'fastify';
import { type Db, platform } from '@shoudan/db';
import type { HttpDeps } from './context.ts';

export type AuditInput = {
  readonly action: string;
  readonly objectType: string;
  readonly objectId: string;
  readonly merchantId: string | null;
  readonly detail?: Record<string, unknown>;
};

/** Appends the audit row of `input`, made by the request's caller (an applicant when none). */
export async function audit(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: AuditInput,
): Promise<void> {
  const principal = request.principal;
  const actorKind = principal ? principal.kind : 'applicant';
  await platform.audit.appendAudit(tx, {
    id: deps.ids.next(),
    at: deps.services.clock.now(),
    actorKind,
    actorId: principal?.id ?? null,
    actorName: principal?.name ?? 'applicant',
    merchantId: input.merchantId,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    ip: request.ip,
    detail: input.detail ?? {},
  });
}
