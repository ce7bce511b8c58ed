// Applications (申请): one table for every kind; transitions are checked by core's `transition`
// on the row read under its lock, then written with the status they expect.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ApplicationKind, ApplicationStatus } from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { applications } from '../../schema/index.ts';
import { num, rowsOf } from '../rows.ts';

export type ApplicationRow = typeof applications.$inferSelect;

/** The next number of the 申请编号 sequence. */
export async function nextApplicationSeq(db: Db): Promise<number> {
  const result = await db.execute(sql`select nextval('application_no_seq') as n`);
  return num(rowsOf(result)[0]?.['n']);
}

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insert(applications).values(row);
}

/** The application, locked for its transition; scoped to a merchant when one is given. */
export async function lockApplication(
  db: Db,
  id: string,
  merchantId?: string,
): Promise<ApplicationRow | undefined> {
  const where = merchantId
    ? and(eq(applications.id, id), eq(applications.merchantId, merchantId))
    : eq(applications.id, id);
  const [row] = await db.select().from(applications).where(where).for('update');
  return row;
}

export async function findApplication(
  db: Db,
  id: string,
  merchantId?: string,
): Promise<ApplicationRow | undefined> {
  const where = merchantId
    ? and(eq(applications.id, id), eq(applications.merchantId, merchantId))
    : eq(applications.id, id);
  const [row] = await db.select().from(applications).where(where);
  return row;
}

export type ApplicationChange = Partial<
  Pick<
    ApplicationRow,
    'reviewedBy' | 'reviewedAt' | 'reviewComment' | 'withdrawnAt' | 'executedAt' | 'result'
  >
> & { readonly status: ApplicationStatus };

/** Writes a transition; false when the row is no longer in `from` (someone else moved it). */
export async function updateApplication(
  db: Db,
  id: string,
  from: ApplicationStatus,
  change: ApplicationChange,
): Promise<boolean> {
  const rows = await db
    .update(applications)
    .set(change)
    .where(and(eq(applications.id, id), eq(applications.status, from)))
    .returning({ id: applications.id });
  return rows.length === 1;
}

export type ApplicationFilter = {
  readonly merchantId?: string;
  readonly kinds?: readonly ApplicationKind[];
  readonly statuses?: readonly ApplicationStatus[];
  readonly limit: number;
};

/** Newest first. */
export async function listApplications(
  db: Db,
  filter: ApplicationFilter,
): Promise<ApplicationRow[]> {
  const where: SQL[] = [];
  if (filter.merchantId) where.push(eq(applications.merchantId, filter.merchantId));
  if (filter.kinds && filter.kinds.length > 0)
    where.push(inArray(applications.kind, [...filter.kinds]));
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(inArray(applications.status, [...filter.statuses]));
  }
  return db
    .select()
    .from(applications)
    .where(and(...where))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(filter.limit);
}
