// Sign-in and sign-out for merchant users (phone + password) and staff (username + password),
// the current session, and a merchant's secret keys for server-to-server calls.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiKeyBody,
  ApiKeyCreated,
  ApiKeyList,
  ApiKeyRequest,
  ErrorBody,
  IdParams,
  MerchantSignInRequest,
  NoContent,
  CurrentSessionBody,
  SessionBody,
  StaffSignInRequest,
} from '@shoudan/contracts';
import { type Db, platform, type AccountKind } from '@shoudan/db';
import { audit } from '../audit.ts';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.ts';
import {
  anyoneOf,
  clearSessionCookie,
  merchantOf,
  type Principal,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  sha256,
} from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import type { RegisterRoutes } from './index.ts';

/** A hash to verify against when the account does not exist, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;

export const registerAuthRoutes: RegisterRoutes = (app, deps, options) => {
  registerSignInRoutes(app, deps, options.loginRatePerMinute);
  registerSessionRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
};

type AnyApp = Parameters<RegisterRoutes>[0];

function registerSignInRoutes(app: AnyApp, deps: HttpDeps, perMinute: number): void {
  const rateLimit = { max: perMinute, timeWindow: 60_000 };
  app.post(
    '/v1/merchant/session',
    {
      config: { rateLimit },
      schema: {
        tags: ['session'],
        summary: 'Sign in as a merchant user (phone + password)',
        body: MerchantSignInRequest,
        response: { 200: SessionBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) =>
      signIn(deps, request, reply, {
        kind: 'merchant',
        login: request.body.phone,
        password: request.body.password,
      }),
  );
  app.post(
    '/v1/staff/session',
    {
      config: { rateLimit },
      schema: {
        tags: ['session'],
        summary: 'Sign in as staff (username + password)',
        body: StaffSignInRequest,
        response: { 200: SessionBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) =>
      signIn(deps, request, reply, {
        kind: 'staff',
        login: request.body.username,
        password: request.body.password,
      }),
  );
}

function registerSessionRoutes(app: AnyApp, deps: HttpDeps): void {
  app.get(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in caller',
        response: { 200: SessionBody, 401: ErrorBody },
      },
    },
    async (request) => sessionBody(anyoneOf(request)),
  );
  app.get(
    '/v1/session/current',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in caller, or null when nobody is (never 401)',
        response: { 200: CurrentSessionBody },
      },
    },
    async (request) => ({
      session: request.principal ? sessionBody(request.principal) : null,
    }),
  );
  app.delete(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        response: { 204: NoContent, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const principal = anyoneOf(request);
      if (principal.kind !== 'api_key') {
        if (request.headers['x-csrf-token'] !== principal.csrfToken) {
          throw new OutcomeError({ code: 'csrf_token_invalid' });
        }
        const token = request.cookies[SESSION_COOKIE];
        if (token) await platform.identity.deleteSession(deps.services.db, sha256(token));
      }
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
}

function registerApiKeyRoutes(app: AnyApp, deps: HttpDeps): void {
  const owner = { roles: ['owner'] as const, apiKeys: false };
  app.get(
    '/v1/merchant/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: "The merchant's secret keys (never the secrets)",
        response: { 200: ApiKeyList },
      },
    },
    async (request) => {
      const me = merchantOf(request, owner);
      const rows = await platform.identity.listApiKeys(deps.services.db, me.merchantId);
      return { data: rows.map(apiKeyBody) };
    },
  );
  app.post(
    '/v1/merchant/api-keys',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Create a secret key; its secret is shown this once',
        body: ApiKeyRequest,
        response: { 201: ApiKeyCreated },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, owner);
      return reply.code(201).send(await createApiKey(deps, request, me.merchantId));
    },
  );
  app.delete(
    '/v1/merchant/api-keys/:id',
    {
      schema: {
        tags: ['api keys'],
        summary: 'Revoke a secret key',
        params: IdParams,
        response: { 204: NoContent, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request, owner);
      const at = deps.services.clock.now();
      await deps.services.db.transaction(async (tx) => {
        const revoked = await platform.identity.revokeApiKey(tx, {
          merchantId: me.merchantId,
          id: request.params.id,
          at,
        });
        if (!revoked) throw new OutcomeError({ code: 'not_found', param: 'id' });
        await audit(deps, tx, request, {
          action: 'api_key.revoked',
          objectType: 'api_key',
          objectId: request.params.id,
          merchantId: me.merchantId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}

/** A new key: `sk_<prefix>_<secret>`, kept as its digest; the secret is shown this once. */
async function createApiKey(deps: HttpDeps, request: FastifyRequest, merchantId: string) {
  const { name } = request.body as ApiKeyRequest;
  const prefix = randomBytes(6).toString('hex');
  const secret = `sk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = {
    id: deps.ids.next(),
    merchantId,
    name,
    prefix,
    secretHash: sha256(secret),
    createdAt: deps.services.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.services.db.transaction(async (tx) => {
    await platform.identity.insertApiKey(tx, row);
    await audit(deps, tx, request, {
      action: 'api_key.created',
      objectType: 'api_key',
      objectId: row.id,
      merchantId,
      detail: { name, prefix },
    });
  });
  return { ...apiKeyBody(row), secret };
}

function apiKeyBody(row: platform.identity.ApiKeyRow): ApiKeyBody {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function sessionBody(principal: Principal): SessionBody {
  return {
    kind: principal.kind === 'staff' ? 'staff' : 'merchant_user',
    userId: principal.id,
    name: principal.name,
    merchantId: principal.kind === 'staff' ? null : principal.merchantId,
    role: principal.kind === 'merchant_user' ? principal.role : null,
    roles: principal.kind === 'staff' ? [...principal.roles] : [],
    csrfToken: principal.kind === 'api_key' ? '' : principal.csrfToken,
  };
}

/**
 * Checks the password (a locked account is refused before it is checked), counts failures and
 * locks after `loginFailuresMax` in a row, then opens a session: an HTTP-only cookie with a
 * random token, whose digest the database keeps, and a CSRF token for unsafe requests.
 * Outcomes: `invalid_credentials`, `account_locked`.
 */
async function signIn(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { readonly kind: AccountKind; readonly login: string; readonly password: string },
) {
  const { config, clock, db } = deps.services;
  const account = await platform.identity.findLoginAccount(db, input.kind, input.login);
  const now = clock.now();
  if (!account) {
    dummyHash ??= hashPassword('shoudan', config.passwordScryptLog2N);
    await verifyPassword(input.password, await dummyHash);
    throw new OutcomeError({ code: 'invalid_credentials' });
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new OutcomeError({
      code: 'account_locked',
      detail: { lockedUntil: account.lockedUntil.toISOString() },
    });
  }
  if (!(await verifyPassword(input.password, account.passwordHash))) {
    const lockUntil = new Date(now.getTime() + config.loginLockoutMs);
    await platform.identity.recordFailedLogin(db, input.kind, account.id, {
      max: config.loginFailuresMax,
      lockUntil,
    });
    throw new OutcomeError({ code: 'invalid_credentials' });
  }
  // A closed merchant's users are disabled at closure; one added later must not get in either.
  if (account.merchantStatus === 'closed') throw new OutcomeError({ code: 'merchant_closed' });
  const rehash = needsRehash(account.passwordHash, config.passwordScryptLog2N)
    ? await hashPassword(input.password, config.passwordScryptLog2N)
    : null;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx: Db) => {
    await platform.identity.recordGoodLogin(tx, input.kind, account.id, rehash);
    await platform.identity.insertSession(tx, {
      tokenHash: sha256(token),
      userKind: input.kind,
      userId: account.id,
      merchantId: account.merchantId,
      csrfToken,
      ip: request.ip,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    });
    const principal: Principal =
      input.kind === 'merchant' && account.merchantId && account.role
        ? {
            kind: 'merchant_user',
            id: account.id,
            name: account.name,
            merchantId: account.merchantId,
            role: account.role,
            csrfToken,
          }
        : { kind: 'staff', id: account.id, name: account.name, roles: account.roles, csrfToken };
    request.principal = principal;
    await audit(deps, tx, request, {
      action: 'user.signed_in',
      objectType: input.kind === 'merchant' ? 'merchant_user' : 'staff_user',
      objectId: account.id,
      merchantId: account.merchantId,
    });
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
  if (!request.principal) throw new Error('principal not set after sign-in');
  return sessionBody(request.principal);
}
