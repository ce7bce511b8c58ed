// Goal: notifications reach a merchant's webhook endpoints signed, failures are retried with
// backoff until they run out, the log shows every attempt, and private addresses are refused
// unless allowed. Method: the API and the dispatcher over a test database, a real local HTTP
// receiver, the fake clock moved between attempts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platform } from '@shoudan/db';
import {
  createWebhookDispatcher,
  retryDelayMs,
  WEBHOOK_LIMITS,
} from '../../src/webhooks/dispatcher.ts';
import { verifySignature } from '../../src/webhooks/signature.ts';
import { type Harness, startHarness } from './harness.ts';

type Received = { headers: Record<string, string | string[] | undefined>; body: string };

let h: Harness;
let server: Server;
let url: string;
const received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  h = await startHarness();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

async function notify(merchantId: string, kind: string) {
  const id = h.world.ids.next();
  await platform.notifications.insertNotification(h.db, {
    id,
    merchantId,
    at: h.world.clock.now(),
    kind,
    title: '测试',
    body: '测试通知',
    detail: { n: 1 },
    readAt: null,
  });
  return id;
}

describe('webhooks', () => {
  it('delivers a notification signed with the endpoint secret, once', async () => {
    const owner = await h.merchantUser();
    const made = await h.call('POST', '/v1/merchant/webhooks', {
      as: owner,
      body: { url, events: ['application.executed'] },
    });
    expect(made.status).toBe(201);
    const secret = String(made.body.secret);
    const notificationId = await notify(owner.merchantId, 'application.executed');
    await notify(owner.merchantId, 'terminal.reported_lost');
    const dispatcher = createWebhookDispatcher(h.services, { allowPrivateAddresses: true });
    received.length = 0;
    expect(await dispatcher.runOnce()).toBe(1);
    expect(await dispatcher.runOnce()).toBe(0);
    await dispatcher.stop();
    expect(received).toHaveLength(1);
    const [got] = received;
    const body = JSON.parse(got?.body ?? '{}');
    expect(body).toMatchObject({ event: 'application.executed', data: { id: notificationId } });
    const header = String(got?.headers['shoudan-signature']);
    const now = Math.floor(h.world.clock.now().getTime() / 1000);
    const check = { header, body: got?.body ?? '', nowUnixSeconds: now, toleranceS: 300 };
    expect(verifySignature({ ...check, secret })).toBe(true);
    expect(verifySignature({ ...check, secret: 'whsec_other' })).toBe(false);
    const log = await h.call('GET', `/v1/merchant/webhooks/${made.body.id}/deliveries`, {
      as: owner,
    });
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
    });
  });

  it('retries a failing endpoint with backoff and gives up after the last attempt', async () => {
    const owner = await h.merchantUser({ merchantId: h.world.merchants[1]?.id ?? '' });
    const made = await h.call('POST', '/v1/merchant/webhooks', {
      as: owner,
      body: { url, events: ['*'] },
    });
    await notify(owner.merchantId, 'anything.happened');
    const dispatcher = createWebhookDispatcher(h.services, { allowPrivateAddresses: true });
    answer = 500;
    try {
      expect(await dispatcher.runOnce()).toBe(1);
      expect(await dispatcher.runOnce()).toBe(0);
      for (let attempt = 1; attempt < WEBHOOK_LIMITS.attemptsMax; attempt++) {
        h.world.clock.advance(retryDelayMs(attempt));
        expect(await dispatcher.runOnce()).toBe(1);
      }
      h.world.clock.advance(WEBHOOK_LIMITS.retryMaxMs);
      expect(await dispatcher.runOnce()).toBe(0);
    } finally {
      answer = 200;
      await dispatcher.stop();
    }
    // Hours have passed: the first session has idled out.
    const again = await h.merchantUser({ merchantId: owner.merchantId });
    const log = await h.call('GET', `/v1/merchant/webhooks/${made.body.id}/deliveries`, {
      as: again,
    });
    expect(log.body.data[0]).toMatchObject({
      status: 'failed',
      attempts: WEBHOOK_LIMITS.attemptsMax,
      lastStatusCode: 500,
      nextAttemptAt: null,
    });
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(20)).toBe(WEBHOOK_LIMITS.retryMaxMs);
  });

  it('refuses a private address unless allowed, and keeps the delivery pending', async () => {
    const owner = await h.merchantUser();
    const made = await h.call('POST', '/v1/merchant/webhooks', {
      as: owner,
      body: { url: 'http://10.1.2.3/hooks', events: ['x.y'] },
    });
    await notify(owner.merchantId, 'x.y');
    const dispatcher = createWebhookDispatcher(h.services, { allowPrivateAddresses: false });
    received.length = 0;
    expect(await dispatcher.runOnce()).toBeGreaterThanOrEqual(1);
    await dispatcher.stop();
    const log = await h.call('GET', `/v1/merchant/webhooks/${made.body.id}/deliveries`, {
      as: owner,
    });
    expect(log.body.data[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(log.body.data[0].lastError).toContain('private');
    expect(received).toHaveLength(0);
  });

  it('is an owner’s: cashiers are refused, another merchant’s endpoint is not found', async () => {
    const cashier = await h.merchantUser({ role: 'cashier' });
    const refused = await h.call('GET', '/v1/merchant/webhooks', { as: cashier });
    expect(refused.status).toBe(403);
    const owner = await h.merchantUser();
    const made = await h.call('POST', '/v1/merchant/webhooks', {
      as: owner,
      body: { url, events: ['a.b'] },
    });
    const other = await h.merchantUser({ merchantId: h.world.merchants[1]?.id ?? '' });
    const gone = await h.call('DELETE', `/v1/merchant/webhooks/${made.body.id}`, { as: other });
    expect(gone.status).toBe(404);
    const theirLog = await h.call('GET', `/v1/merchant/webhooks/${made.body.id}/deliveries`, {
      as: other,
    });
    expect(theirLog.status).toBe(404);
    const bad = await h.call('POST', '/v1/merchant/webhooks', {
      as: owner,
      body: { url: 'ftp://example.com', events: ['a.b'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('url');
    const disabled = await h.call('DELETE', `/v1/merchant/webhooks/${made.body.id}`, {
      as: owner,
    });
    expect(disabled.status).toBe(204);
  });
});
