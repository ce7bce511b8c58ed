// The append-only audit log: written in the transaction of the change it records.
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { auditLog } from '../../schema/index.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function appendAudit(db: Db, row: Omit<AuditRow, 'seq'>): Promise<void> {
  await db.insert(auditLog).values(row);
}

export type AuditFilter = {
  readonly merchantId?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly actorId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
};

export async function searchAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.merchantId) where.push(eq(auditLog.merchantId, filter.merchantId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.objectType) where.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) where.push(eq(auditLog.objectId, filter.objectId));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(filter.limit);
}
