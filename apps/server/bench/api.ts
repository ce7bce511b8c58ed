// HTTP API throughput on PostgreSQL: a bare Fastify endpoint (the baseline), the authenticated
// transaction list and payments through the API (QR payment codes on the merchant's virtual
// terminal, each with its own Idempotency-Key), one after the other with autocannon in this
// process, against the app wired as `shoudan serve` wires it.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { pino } from 'pino';
import { systemClock, createIds } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { createWorld, TestPos } from '@shoudan/db/testing';
import { loadConfig } from '../src/config.ts';
import { createHttpApp } from '../src/http/app.ts';
import { hashPassword } from '../src/http/auth/passwords.ts';
import { createLogger } from '../src/logger.ts';
import { createServices } from '../src/services.ts';
import { createBenchDatabase } from './common.ts';

export type ApiBenchOptions = {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Sales on the merchant's terminals before the runs, for the list to page through. */
  readonly seedSales: number;
};

export const API_DEFAULTS: ApiBenchOptions = {
  seconds: 10,
  warmupSeconds: 2,
  connections: 16,
  seedSales: 500,
};

export type ApiRun = {
  readonly name: string;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers other than 2xx, and connection errors. */
  readonly failures: number;
};

export type ApiBenchResult = {
  readonly baseline: ApiRun;
  readonly runs: readonly ApiRun[];
  readonly connections: number;
};

const BENCH_PASSWORD = 'bench-password';
const PHONE = '13900000001';

export async function runApiBench(options: ApiBenchOptions): Promise<ApiBenchResult> {
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const database = await createBenchDatabase(10);
  try {
    const world = await createWorld(database, {
      merchants: 1,
      start: systemClock.now().toISOString(),
    });
    const config = loadConfig({});
    const logger = createLogger({
      level: config.logLevel,
      destination: pino.destination({ dest: '/dev/null', sync: true }),
    });
    const ids = createIds(systemClock);
    const services = createServices({ config, clock: systemClock, ids, db: database, logger });
    const pos = new TestPos(services.engine, world.merchant.terminalIds[0] ?? '');
    for (let i = 0; i < options.seedSales; i++) await pos.sale(10_000n);
    await platform.identity.insertMerchantUser(database.db, {
      id: ids.next(),
      merchantId: world.merchant.id,
      phone: PHONE,
      name: 'bench',
      role: 'owner',
      passwordHash: await hashPassword(BENCH_PASSWORD, config.passwordScryptLog2N),
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: systemClock.now(),
    });
    const app = await createHttpApp({ services, ids }, { databaseDescription: 'bench' });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const cookie = await signIn(url);
      const baseline = await measure('bare Fastify GET /bare', options, { url: `${bareUrl}/bare` });
      const list = await measure('GET /v1/merchant/transactions?limit=20 (session)', options, {
        url: `${url}/v1/merchant/transactions?limit=20`,
        headers: { cookie: cookie.cookie },
      });
      const payments = await measure(
        'POST /v1/merchant/payments (session, new key each)',
        options,
        paymentRequests(url, cookie),
      );
      return { baseline, runs: [list, payments], connections: options.connections };
    } finally {
      await app.close();
    }
  } finally {
    await bare.close();
    await database.drop();
  }
}

async function signIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/v1/merchant/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: PHONE, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`bench sign-in failed: ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: body.csrfToken };
}

function paymentRequests(url: string, session: { cookie: string; csrfToken: string }) {
  let n = 0;
  const body = JSON.stringify({
    amountFen: '100',
    method: 'unionpay_qr',
    payerCode: '6225880012345678',
  });
  return {
    url: `${url}/v1/merchant/payments`,
    method: 'POST' as const,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      'content-type': 'application/json',
    },
    body,
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          n += 1;
          return { ...request, headers: { ...request.headers, 'idempotency-key': `bench-${n}` } };
        },
      },
    ],
  };
}

async function measure(
  name: string,
  options: ApiBenchOptions,
  target: Partial<autocannon.Options> & { url: string },
): Promise<ApiRun> {
  const base = { connections: options.connections, ...target };
  await autocannon({ ...base, duration: options.warmupSeconds });
  const result = await autocannon({ ...base, duration: options.seconds });
  return {
    name,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
