// An application as the API shows it, with its timeline from the audit log.
import type { ApplicationBody, TimelineEntry } from '@shoudan/contracts';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationRow } from './handlers.ts';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function applicationBody(row: ApplicationRow): ApplicationBody {
  return {
    id: row.id,
    applicationNo: row.applicationNo,
    kind: row.kind,
    merchantId: row.merchantId,
    status: row.status as ApplicationBody['status'],
    reason: row.reason,
    payload: row.payload as Record<string, unknown>,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: { kind: row.submittedByKind, id: row.submittedBy },
    reviewedBy: row.reviewedBy,
    reviewedAt: iso(row.reviewedAt),
    reviewComment: row.reviewComment,
    withdrawnAt: iso(row.withdrawnAt),
    executedAt: iso(row.executedAt),
    result: (row.result as Record<string, unknown> | null) ?? null,
  };
}

/** Every audited step of the application, oldest first. */
export async function timelineOf(db: Db, id: string): Promise<TimelineEntry[]> {
  const rows = await platform.audit.searchAudit(db, {
    objectType: 'application',
    objectId: id,
    limit: 500,
  });
  return rows.reverse().map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    actorKind: r.actorKind,
    actorName: r.actorName,
    detail: r.detail as Record<string, unknown>,
  }));
}
