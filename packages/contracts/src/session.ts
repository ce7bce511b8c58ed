// Signing in and out (merchant users by phone, staff by username), the session, and a merchant's
// secret keys for server-to-server calls.
import { z } from 'zod';
import { listOf, PHONE } from './common.ts';

/** Staff roles (@shoudan/db `STAFF_ROLES`; constants.test.ts keeps them equal). */
export const StaffRole = z.enum(['reviewer', 'support', 'ops', 'finance', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Password = z.string().min(1).max(200);
export type Password = z.infer<typeof Password>;

export const MerchantSignInRequest = z.object({
  phone: z.string().regex(PHONE, 'a mainland mobile number'),
  password: Password,
});
export type MerchantSignInRequest = z.infer<typeof MerchantSignInRequest>;

export const StaffSignInRequest = z.object({
  username: z.string().min(1).max(64),
  password: Password,
});
export type StaffSignInRequest = z.infer<typeof StaffSignInRequest>;

export const SessionBody = z.object({
  kind: z.enum(['merchant_user', 'staff']),
  userId: z.string(),
  name: z.string(),
  merchantId: z.string().nullable(),
  role: z.enum(['owner', 'cashier']).nullable(),
  roles: z.array(StaffRole),
  csrfToken: z.string(),
});
export type SessionBody = z.infer<typeof SessionBody>;

/** Who is signed in, or nobody: for a page that must not log a 401 while it only asks. */
export const CurrentSessionBody = z.object({ session: SessionBody.nullable() });
export type CurrentSessionBody = z.infer<typeof CurrentSessionBody>;

export const ApiKeyBody = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyBody = z.infer<typeof ApiKeyBody>;

export const ApiKeyList = listOf(ApiKeyBody);
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const ApiKeyRequest = z.object({ name: z.string().trim().min(1).max(64) });
export type ApiKeyRequest = z.infer<typeof ApiKeyRequest>;

/** A new key with its secret, shown this once. */
export const ApiKeyCreated = ApiKeyBody.extend({ secret: z.string() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
