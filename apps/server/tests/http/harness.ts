// The HTTP API over a test database (PGlite, or PostgreSQL with SHOUDAN_TEST_DB=postgres): a world
// of merchants and terminals, the app on its fake clock, users and staff to sign in as, and
// `call` to send requests through Fastify's inject (no socket).
import { Writable } from 'node:stream';
import { type Db, platform, type MerchantUserRole, type StaffRole } from '@shoudan/db';
import { createWorld, openTestDatabase, type World } from '@shoudan/db/testing';
import { loadConfig, type Config } from '../../src/config.ts';
import { createHttpApp, type App } from '../../src/http/app.ts';
import type { HttpDeps } from '../../src/http/context.ts';
import { hashPassword } from '../../src/http/auth/passwords.ts';
import { createLogger } from '../../src/logger.ts';
import { createServices, type Services } from '../../src/services.ts';

export const PASSWORD = 'correct horse battery';
/** Cheap hashes for tests; the cost is a setting (PASSWORD_SCRYPT_LOG2_N). */
const TEST_LOG2_N = '10';

export type Caller = {
  readonly cookie?: string;
  readonly csrfToken?: string;
  readonly bearer?: string;
};

export type CallOptions = {
  readonly as?: Caller;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Leave out the caller's CSRF token (to test that it is required). */
  readonly noCsrf?: boolean;
};

export type Response = {
  readonly status: number;
  /** The parsed JSON body (tests read fields freely; the routes' schemas type the real thing). */
  readonly body: any;
  readonly headers: Record<string, unknown>;
  readonly text: string;
};

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** More for the app's deps (a virtual POS over a gateway the test starts), closed first. */
export type Extension = (services: Services) => Promise<{
  readonly deps: Omit<Partial<HttpDeps>, 'services' | 'ids'>;
  close(): Promise<void>;
}>;

export async function startHarness(
  options: {
    merchants?: number;
    terminalsPerMerchant?: number;
    env?: Record<string, string>;
    extend?: Extension;
  } = {},
) {
  const database = await openTestDatabase();
  const world: World = await createWorld(database, {
    merchants: options.merchants ?? 2,
    terminalsPerMerchant: options.terminalsPerMerchant ?? 2,
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config: Config = loadConfig({
    LOG_LEVEL: 'info',
    PASSWORD_SCRYPT_LOG2_N: TEST_LOG2_N,
    ...options.env,
  });
  const base = createServices({
    config,
    clock: world.clock,
    ids: world.ids,
    db: database,
    logger: createLogger({ level: 'info', destination }),
  });
  // The world's engine, so that the API and the world's POS see the same terminal snapshots.
  const services: Services = { ...base, engine: world.engine, rules: world.rules };
  const extension = await options.extend?.(services);
  const app: App = await createHttpApp(
    { ...extension?.deps, services, ids: world.ids },
    { databaseDescription: 'test database' },
  );
  const hash = await hashPassword(PASSWORD, Number(TEST_LOG2_N));
  let phones = 0;

  async function call(method: string, url: string, opts: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as?.cookie) headers['cookie'] = opts.as.cookie;
    if (opts.as?.csrfToken && !opts.noCsrf) headers['x-csrf-token'] = opts.as.csrfToken;
    if (opts.as?.bearer) headers['authorization'] = `Bearer ${opts.as.bearer}`;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(opts.body === undefined ? {} : { payload: opts.body as object }),
    });
    const text = response.body;
    let body: unknown = text;
    if ((response.headers['content-type'] ?? '').toString().includes('json') && text !== '') {
      body = JSON.parse(text);
    }
    return { status: response.statusCode, body, headers: response.headers, text };
  }

  /** A merchant user of `merchantId` (the world's first merchant by default), signed in. */
  async function merchantUser(
    input: { merchantId?: string; role?: MerchantUserRole } = {},
  ): Promise<
    Caller & { readonly id: string; readonly phone: string; readonly merchantId: string }
  > {
    const merchantId = input.merchantId ?? world.merchant.id;
    phones += 1;
    const phone = `139${String(phones).padStart(8, '0')}`;
    const id = world.ids.next();
    await platform.identity.insertMerchantUser(database.db, {
      id,
      merchantId,
      phone,
      name: `用户${phones}`,
      role: input.role ?? 'owner',
      passwordHash: hash,
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: world.clock.now(),
    });
    const signed = await call('POST', '/v1/merchant/session', {
      body: { phone, password: PASSWORD },
    });
    if (signed.status !== 200) throw new Error(`sign-in failed: ${signed.text}`);
    return { ...sessionOf(signed), id, phone, merchantId };
  }

  /** A staff member with `roles`, signed in. */
  async function staff(
    roles: readonly StaffRole[],
  ): Promise<Caller & { readonly id: string; readonly username: string }> {
    const id = world.ids.next();
    const username = `staff${id.slice(-8)}`;
    await platform.identity.insertStaffUser(database.db, {
      id,
      username,
      name: `员工${username.slice(-4)}`,
      roles: [...roles],
      passwordHash: hash,
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: world.clock.now(),
    });
    const signed = await call('POST', '/v1/staff/session', {
      body: { username, password: PASSWORD },
    });
    if (signed.status !== 200) throw new Error(`sign-in failed: ${signed.text}`);
    return { ...sessionOf(signed), id, username };
  }

  return {
    app,
    world,
    services,
    db: database.db as Db,
    database,
    logLines,
    call,
    merchantUser,
    staff,
    close: async () => {
      await extension?.close();
      await app.close();
      await database.close();
    },
  };
}

function sessionOf(response: Response): Caller {
  const setCookie = response.headers['set-cookie'];
  const line = Array.isArray(setCookie) ? String(setCookie[0]) : String(setCookie);
  const cookie = line.split(';')[0] ?? '';
  return { cookie, csrfToken: String(response.body.csrfToken) };
}
