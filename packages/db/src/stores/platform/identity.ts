// Who may sign in: merchant users, staff and merchant API keys, and the sessions of the first two.
// Tokens and secrets are stored only as SHA-256 digests.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { apiKeys, merchants, merchantUsers, staffUsers, userSessions } from '../../schema/index.ts';

export type MerchantUserRole = 'owner' | 'cashier';
export const STAFF_ROLES = ['reviewer', 'support', 'ops', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type LoginAccount = {
  readonly id: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
  /** Merchant users: their merchant, its status and the user's role; staff: their roles. */
  readonly merchantId: string | null;
  readonly merchantStatus: string | null;
  readonly role: MerchantUserRole | null;
  readonly roles: readonly StaffRole[];
};

export type AccountKind = 'merchant' | 'staff';

/** An active merchant user by phone, or an active staff member by username. */
export async function findLoginAccount(
  db: Db,
  kind: AccountKind,
  login: string,
): Promise<LoginAccount | undefined> {
  if (kind === 'merchant') {
    const [row] = await db
      .select({ user: merchantUsers, merchantStatus: merchants.status })
      .from(merchantUsers)
      .innerJoin(merchants, eq(merchants.id, merchantUsers.merchantId))
      .where(and(eq(merchantUsers.phone, login), eq(merchantUsers.status, 'active')));
    if (!row) return undefined;
    const u = row.user;
    return {
      id: u.id,
      name: u.name,
      passwordHash: u.passwordHash,
      failedLogins: u.failedLogins,
      lockedUntil: u.lockedUntil,
      merchantId: u.merchantId,
      merchantStatus: row.merchantStatus,
      role: u.role as MerchantUserRole,
      roles: [],
    };
  }
  const [u] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.username, login), eq(staffUsers.status, 'active')));
  if (!u) return undefined;
  return {
    id: u.id,
    name: u.name,
    passwordHash: u.passwordHash,
    failedLogins: u.failedLogins,
    lockedUntil: u.lockedUntil,
    merchantId: null,
    merchantStatus: null,
    role: null,
    roles: u.roles as StaffRole[],
  };
}

/** Counts a failed sign-in; locks the account until `lockUntil` when it reaches `max`. */
export async function recordFailedLogin(
  db: Db,
  kind: AccountKind,
  id: string,
  options: { readonly max: number; readonly lockUntil: Date },
): Promise<void> {
  const table = kind === 'merchant' ? merchantUsers : staffUsers;
  await db
    .update(table)
    .set({
      failedLogins: sql`case when ${table.failedLogins} + 1 >= ${options.max} then 0
        else ${table.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${table.failedLogins} + 1 >= ${options.max}
        then ${options.lockUntil.toISOString()}::timestamptz else ${table.lockedUntil} end`,
    })
    .where(eq(table.id, id));
}

export async function recordGoodLogin(
  db: Db,
  kind: AccountKind,
  id: string,
  newHash: string | null,
): Promise<void> {
  const table = kind === 'merchant' ? merchantUsers : staffUsers;
  await db
    .update(table)
    .set({ failedLogins: 0, lockedUntil: null, ...(newHash ? { passwordHash: newHash } : {}) })
    .where(eq(table.id, id));
}

export type SessionRow = typeof userSessions.$inferSelect;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insert(userSessions).values(row);
}

/** The session and, for a merchant user, whether user and merchant may still act. */
export async function findSession(
  db: Db,
  tokenHash: string,
): Promise<
  | {
      readonly session: SessionRow;
      readonly name: string;
      readonly role: MerchantUserRole | null;
      readonly roles: readonly StaffRole[];
      readonly active: boolean;
    }
  | undefined
> {
  // One read on every signed-in request: the session with whichever user it belongs to.
  const [row] = await db
    .select({ session: userSessions, merchantUser: merchantUsers, staff: staffUsers })
    .from(userSessions)
    .leftJoin(
      merchantUsers,
      and(eq(userSessions.userKind, 'merchant'), eq(merchantUsers.id, userSessions.userId)),
    )
    .leftJoin(
      staffUsers,
      and(eq(userSessions.userKind, 'staff'), eq(staffUsers.id, userSessions.userId)),
    )
    .where(eq(userSessions.tokenHash, tokenHash));
  if (!row) return undefined;
  const { session, merchantUser: u, staff: s } = row;
  if (u) {
    const active = u.status === 'active';
    return { session, name: u.name, role: u.role as MerchantUserRole, roles: [], active };
  }
  if (!s) return undefined;
  const active = s.status === 'active';
  return { session, name: s.name, role: null, roles: s.roles as StaffRole[], active };
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ lastSeenAt: at })
    .where(eq(userSessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.tokenHash, tokenHash));
}

/** Ends every session of a user (password change, disabled user, closed merchant). */
export async function deleteSessionsOf(db: Db, kind: AccountKind, userId: string): Promise<void> {
  await db
    .delete(userSessions)
    .where(and(eq(userSessions.userKind, kind), eq(userSessions.userId, userId)));
}

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Db, row: ApiKeyRow): Promise<void> {
  await db.insert(apiKeys).values(row);
}

/** A key by its prefix, with its merchant's status. */
export async function findApiKey(
  db: Db,
  prefix: string,
): Promise<{ readonly key: ApiKeyRow; readonly merchantStatus: string } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, merchantStatus: merchants.status })
    .from(apiKeys)
    .innerJoin(merchants, eq(merchants.id, apiKeys.merchantId))
    .where(eq(apiKeys.prefix, prefix));
  return row;
}

export async function listApiKeys(db: Db, merchantId: string): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.merchantId, merchantId))
    .orderBy(apiKeys.createdAt);
}

/** Revokes a key of `merchantId`; false when it has no such key or the key was revoked already. */
export async function revokeApiKey(
  db: Db,
  input: { readonly merchantId: string; readonly id: string; readonly at: Date },
): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: input.at })
    .where(
      and(
        eq(apiKeys.id, input.id),
        eq(apiKeys.merchantId, input.merchantId),
        sql`${apiKeys.revokedAt} is null`,
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

export type MerchantUserRow = typeof merchantUsers.$inferSelect;
export type StaffUserRow = typeof staffUsers.$inferSelect;

export async function insertMerchantUser(db: Db, row: MerchantUserRow): Promise<void> {
  await db.insert(merchantUsers).values(row);
}

export async function insertStaffUser(db: Db, row: StaffUserRow): Promise<void> {
  await db.insert(staffUsers).values(row);
}
