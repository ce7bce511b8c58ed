// Demo sign-ins for the merchant platform and the ops console: an owner for each demo merchant,
// a cashier for the first, and one staff member per role plus a second reviewer, so that a
// change can be submitted by one person and reviewed by another. One demo password for all.
import { type Ids } from '@shoudan/core';
import { type Db, platform, type StaffRole } from '@shoudan/db';
import { hashPassword } from '../http/auth/passwords.ts';

export const DEMO_PASSWORD = 'shoudan-demo';

export const DEMO_STAFF: readonly { username: string; name: string; roles: StaffRole[] }[] = [
  { username: 'admin', name: '管理员', roles: ['admin'] },
  { username: 'reviewer', name: '审核员甲', roles: ['reviewer'] },
  { username: 'reviewer2', name: '审核员乙', roles: ['reviewer'] },
  { username: 'ops', name: '运营', roles: ['ops'] },
  { username: 'ops2', name: '运营乙', roles: ['ops'] },
  { username: 'finance', name: '财务', roles: ['finance'] },
  { username: 'support', name: '客服', roles: ['support'] },
];

export type DemoLogin = {
  readonly who: string;
  readonly login: string;
};

/** The phone of the n-th demo merchant's owner (1-based); the first merchant's cashier is 0. */
export function demoPhone(n: number): string {
  return `138${String(n).padStart(8, '0')}`;
}

export async function seedDemoUsers(
  db: Db,
  input: {
    readonly merchants: readonly { readonly id: string; readonly name: string }[];
    readonly at: Date;
    readonly ids: Ids;
    readonly log2N: number;
  },
): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, input.log2N);
  const common = { passwordHash, status: 'active', failedLogins: 0, lockedUntil: null };
  const logins: DemoLogin[] = [];
  await db.transaction(async (tx) => {
    for (const [i, m] of input.merchants.entries()) {
      const phone = demoPhone(i + 1);
      await platform.identity.insertMerchantUser(tx, {
        id: input.ids.next(),
        merchantId: m.id,
        phone,
        name: `${m.name}店主`,
        role: 'owner',
        createdAt: input.at,
        ...common,
      });
      logins.push({ who: `${m.name} owner (店主)`, login: phone });
    }
    const first = input.merchants[0];
    if (first) {
      await platform.identity.insertMerchantUser(tx, {
        id: input.ids.next(),
        merchantId: first.id,
        phone: demoPhone(0),
        name: `${first.name}收银员`,
        role: 'cashier',
        createdAt: input.at,
        ...common,
      });
      logins.push({ who: `${first.name} cashier (收银员)`, login: demoPhone(0) });
    }
    for (const s of DEMO_STAFF) {
      await platform.identity.insertStaffUser(tx, {
        id: input.ids.next(),
        username: s.username,
        name: s.name,
        roles: s.roles,
        createdAt: input.at,
        ...common,
      });
      logins.push({ who: `staff ${s.roles.join(', ')} (${s.name})`, login: s.username });
    }
  });
  return logins;
}
