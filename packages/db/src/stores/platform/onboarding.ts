// Onboarding (进件): the applicant's private part of an application (token digest, full numbers,
// the merchant and owner it became), its documents, the merchant-number and terminal-id sequences,
// and the owner's first password.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import {
  applications,
  feePlans,
  merchants,
  merchantUsers,
  onboardingApplicants,
  onboardingDocuments,
  terminals,
} from '../../schema/index.ts';
import { num, rowsOf } from '../rows.ts';

export type ApplicantRow = typeof onboardingApplicants.$inferSelect;
export type DocumentRow = typeof onboardingDocuments.$inferSelect;

export async function insertApplicant(db: Db, row: ApplicantRow): Promise<void> {
  await db.insert(onboardingApplicants).values(row);
}

/** The applicant's part of `applicationId`, locked when `lock` (for a change that follows). */
export async function findApplicant(
  db: Db,
  applicationId: string,
  options: { readonly lock?: boolean } = {},
): Promise<ApplicantRow | undefined> {
  const query = db
    .select()
    .from(onboardingApplicants)
    .where(eq(onboardingApplicants.applicationId, applicationId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Replaces the digest of the applicant's access token (a new token was shown instead). */
export async function replaceTokenHash(
  db: Db,
  input: { applicationId: string; tokenHash: string },
): Promise<void> {
  await db
    .update(onboardingApplicants)
    .set({ tokenHash: input.tokenHash })
    .where(eq(onboardingApplicants.applicationId, input.applicationId));
}

/** Records the merchant and owner an approved application became. */
export async function recordMerchantOf(
  db: Db,
  input: { applicationId: string; merchantId: string; ownerUserId: string },
): Promise<void> {
  await db
    .update(onboardingApplicants)
    .set({ merchantId: input.merchantId, ownerUserId: input.ownerUserId })
    .where(eq(onboardingApplicants.applicationId, input.applicationId));
  // The merchant now sees the application that made it among its own.
  await db
    .update(applications)
    .set({ merchantId: input.merchantId })
    .where(and(eq(applications.id, input.applicationId), isNull(applications.merchantId)));
}

/** Links a rejected application to the corrected one that replaces it; false if already done. */
export async function recordResubmission(
  db: Db,
  input: { applicationId: string; resubmittedAs: string },
): Promise<boolean> {
  const rows = await db
    .update(onboardingApplicants)
    .set({ resubmittedAs: input.resubmittedAs })
    .where(
      and(
        eq(onboardingApplicants.applicationId, input.applicationId),
        isNull(onboardingApplicants.resubmittedAs),
      ),
    )
    .returning({ id: onboardingApplicants.applicationId });
  return rows.length === 1;
}

/**
 * Sets the owner's first password (the application's owner user) and marks it set; false when it
 * was set already (the row is read under its lock by the caller).
 */
export async function setOwnerPassword(
  db: Db,
  input: { applicationId: string; ownerUserId: string; passwordHash: string; at: Date },
): Promise<boolean> {
  const marked = await db
    .update(onboardingApplicants)
    .set({ passwordSetAt: input.at })
    .where(
      and(
        eq(onboardingApplicants.applicationId, input.applicationId),
        isNull(onboardingApplicants.passwordSetAt),
      ),
    )
    .returning({ id: onboardingApplicants.applicationId });
  if (marked.length !== 1) return false;
  await db
    .update(merchantUsers)
    .set({ passwordHash: input.passwordHash, failedLogins: 0, lockedUntil: null })
    .where(eq(merchantUsers.id, input.ownerUserId));
  return true;
}

export async function insertDocument(db: Db, row: DocumentRow): Promise<void> {
  await db.insert(onboardingDocuments).values(row);
}

/** The documents of an application, oldest first. */
export async function listDocuments(db: Db, applicationId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(onboardingDocuments)
    .where(eq(onboardingDocuments.applicationId, applicationId))
    .orderBy(asc(onboardingDocuments.uploadedAt), asc(onboardingDocuments.id));
}

export async function findDocument(
  db: Db,
  input: { applicationId: string; documentId: string },
): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(onboardingDocuments)
    .where(
      and(
        eq(onboardingDocuments.id, input.documentId),
        eq(onboardingDocuments.applicationId, input.applicationId),
      ),
    );
  return row;
}

/**
 * The standard fee plan new merchants get: the one named `name` (the demo's and the acquirer's
 * 收单标准费率), else the oldest plan; undefined when there is none.
 */
export async function standardFeePlanId(db: Db, name: string): Promise<string | undefined> {
  const [named] = await db
    .select({ id: feePlans.id })
    .from(feePlans)
    .where(eq(feePlans.name, name));
  if (named) return named.id;
  const [oldest] = await db
    .select({ id: feePlans.id })
    .from(feePlans)
    .orderBy(asc(feePlans.createdAt), asc(feePlans.id))
    .limit(1);
  return oldest?.id;
}

/** Attempts at most to find a free number before giving up (a defect: the space is full). */
const NUMBER_ATTEMPTS_MAX = 1_000;

/**
 * The next free number `format(seq)` from sequence `sequence`, skipping numbers already taken
 * (numbers given outside the sequence, e.g. the demo's). A sequence never repeats a value, so two
 * approvals at once never draw the same number.
 */
async function nextFreeNumber(
  db: Db,
  input: {
    readonly sequence: 'merchant_no_seq' | 'terminal_id_seq';
    readonly format: (seq: number) => string;
    readonly taken: (candidate: string) => Promise<boolean>;
  },
): Promise<string> {
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS_MAX; attempt++) {
    const result = await db.execute(sql`select nextval(${input.sequence}::regclass) as n`);
    const candidate = input.format(num(rowsOf(result)[0]?.['n']));
    if (!(await input.taken(candidate))) return candidate;
  }
  throw new Error(`no free number from ${input.sequence} after ${NUMBER_ATTEMPTS_MAX} draws`);
}

export async function nextMerchantNo(db: Db, format: (seq: number) => string): Promise<string> {
  return nextFreeNumber(db, {
    sequence: 'merchant_no_seq',
    format,
    taken: async (merchantNo) =>
      (await db.$count(merchants, eq(merchants.merchantNo, merchantNo))) > 0,
  });
}

export async function nextTerminalId(db: Db, format: (seq: number) => string): Promise<string> {
  return nextFreeNumber(db, {
    sequence: 'terminal_id_seq',
    format,
    taken: async (terminalId) =>
      (await db.$count(terminals, eq(terminals.terminalId, terminalId))) > 0,
  });
}
