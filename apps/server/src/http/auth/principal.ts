// Who is calling: read once per request from the session cookie or a merchant's secret key, and
// checked by each route's guard (role, CSRF token for cookie sessions).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { platform, type MerchantUserRole, type StaffRole } from '@shoudan/db';
import { OutcomeError } from '../errors.ts';
import type { HttpDeps } from '../context.ts';

export const SESSION_COOKIE = 'shoudan_session';
/** Sessions end this long after sign-in, however busy (the idle timeout is configured). */
export const SESSION_LIFETIME_MS = 12 * 3_600_000;
/** last_seen_at is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;
const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Principal =
  | {
      readonly kind: 'merchant_user';
      readonly id: string;
      readonly name: string;
      readonly merchantId: string;
      readonly role: MerchantUserRole;
      readonly csrfToken: string;
    }
  | {
      readonly kind: 'api_key';
      readonly id: string;
      readonly name: string;
      readonly merchantId: string;
    }
  | {
      readonly kind: 'staff';
      readonly id: string;
      readonly name: string;
      readonly roles: readonly StaffRole[];
      readonly csrfToken: string;
    };

export type MerchantPrincipal = Extract<Principal, { merchantId: string }>;
export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads the caller; a stale or unknown credential is no principal (the guard answers 401). */
export async function identify(deps: HttpDeps, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer sk_')) return apiKeyPrincipal(deps, authorization.slice(7));
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const db = deps.services.db;
  const tokenHash = sha256(token);
  const found = await platform.identity.findSession(db, tokenHash);
  if (!found) return null;
  const now = deps.services.clock.now();
  const { session } = found;
  const idleUntil = session.lastSeenAt.getTime() + deps.services.config.sessionIdleTimeoutMs;
  if (!found.active || now.getTime() > idleUntil || now > session.expiresAt) {
    await platform.identity.deleteSession(db, tokenHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await platform.identity.touchSession(db, tokenHash, now);
  }
  if (session.userKind === 'merchant' && session.merchantId && found.role) {
    return {
      kind: 'merchant_user',
      id: session.userId,
      name: found.name,
      merchantId: session.merchantId,
      role: found.role,
      csrfToken: session.csrfToken,
    };
  }
  return {
    kind: 'staff',
    id: session.userId,
    name: found.name,
    roles: found.roles,
    csrfToken: session.csrfToken,
  };
}

/** `sk_<prefix>_<secret>`: the prefix finds the key, the digest of the whole key proves it. */
async function apiKeyPrincipal(deps: HttpDeps, secret: string): Promise<Principal | null> {
  const match = /^sk_([0-9a-f]{12})_[0-9A-Za-z_-]{32,64}$/.exec(secret);
  if (!match?.[1]) return null;
  const found = await platform.identity.findApiKey(deps.services.db, match[1]);
  if (!found || found.key.revokedAt !== null || found.merchantStatus === 'closed') return null;
  if (found.key.secretHash !== sha256(secret)) return null;
  return {
    kind: 'api_key',
    id: found.key.id,
    name: found.key.name,
    merchantId: found.key.merchantId,
  };
}

function checkCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.kind === 'api_key' || !UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== principal.csrfToken) {
    throw new OutcomeError({ code: 'csrf_token_invalid' });
  }
}

export type MerchantGuard = {
  /** Roles of merchant users allowed; default both. */
  readonly roles?: readonly MerchantUserRole[];
  /** Whether a secret key may call it; default true. */
  readonly apiKeys?: boolean;
};

/** The merchant caller, or a thrown 401/403 outcome. */
export function merchantOf(request: FastifyRequest, guard: MerchantGuard = {}): MerchantPrincipal {
  const principal = request.principal;
  if (!principal) throw new OutcomeError({ code: 'unauthenticated' });
  if (principal.kind === 'staff') throw new OutcomeError({ code: 'forbidden' });
  if (principal.kind === 'api_key' && guard.apiKeys === false) {
    throw new OutcomeError({ code: 'forbidden' });
  }
  if (principal.kind === 'merchant_user' && guard.roles && !guard.roles.includes(principal.role)) {
    throw new OutcomeError({ code: 'forbidden' });
  }
  checkCsrf(request, principal);
  return principal;
}

/** The staff caller holding one of `roles` (admin holds them all), or a thrown outcome. */
export function staffOf(request: FastifyRequest, roles: readonly StaffRole[]): StaffPrincipal {
  const principal = request.principal;
  if (!principal) throw new OutcomeError({ code: 'unauthenticated' });
  if (principal.kind !== 'staff') throw new OutcomeError({ code: 'forbidden' });
  const allowed =
    principal.roles.includes('admin') || roles.some((r) => principal.roles.includes(r));
  if (!allowed) throw new OutcomeError({ code: 'forbidden' });
  checkCsrf(request, principal);
  return principal;
}

/** Any signed-in caller (for /v1/session). */
export function anyoneOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new OutcomeError({ code: 'unauthenticated' });
  return request.principal;
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
