// Goal: a merchant reaches only its own data, by any id or URL. Method: merchant A makes one of
// every object the merchant routes take an id of; merchant B's owner then calls every such route
// (read from the OpenAPI document, so a new route cannot be missed) with A's ids and must get 404
// `not_found`, and none of B's lists may show anything of A's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPos } from '@shoudan/db/testing';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let ownerA: Caller;
let ownerB: Caller;
const ids: Record<string, string> = {};
const DATE = '2026-11-24';

beforeAll(async () => {
  h = await startHarness({ merchants: 2, terminalsPerMerchant: 2 });
  const a = h.world.merchants[0];
  const b = h.world.merchants[1];
  if (!a || !b) throw new Error('two merchants expected');
  ownerA = await h.merchantUser({ merchantId: a.id });
  ownerB = await h.merchantUser({ merchantId: b.id });
  const terminalId = a.terminalIds[0] ?? '';
  const sale = await new TestPos(h.world.engine, terminalId).sale(10_000n);
  if (!sale.ok) throw new Error('sale failed');
  h.world.clock.set('2026-11-24T15:00:05Z');
  await h.world.engine.cutoff({ businessDate: DATE });
  await h.world.engine.settleMerchants({ businessDate: DATE });
  ownerA = await h.merchantUser({ merchantId: a.id });
  ownerB = await h.merchantUser({ merchantId: b.id });
  const post = async (url: string, body: unknown) => {
    const r = await h.call('POST', url, { as: ownerA, body });
    if (r.status >= 300) throw new Error(`${url}: ${r.text}`);
    return r.body;
  };
  ids['merchant'] = a.id;
  ids['terminal'] = terminalId;
  ids['transaction'] = sale.value.transaction.id;
  ids['apiKey'] = (await post('/v1/merchant/api-keys', { name: 'A' })).id;
  ids['webhook'] = (
    await post('/v1/merchant/webhooks', { url: 'https://example.com/a', events: ['*'] })
  ).id;
  ids['ticket'] = (await post('/v1/merchant/tickets', { subject: 'A', body: 'A 的问题' })).id;
  ids['application'] = (
    await post(`/v1/merchant/terminals/${a.terminalIds[1]}/return`, { reason: '不用了' })
  ).id;
  const notes = await h.call('GET', '/v1/merchant/notifications', { as: ownerA });
  ids['notification'] = notes.body.data[0].id;
});
afterAll(() => h.close());

/** Which of A's ids each merchant route with a path parameter gets, and a valid body. */
const ROUTES: Record<string, { readonly id: string; readonly body?: unknown }> = {
  'delete /v1/merchant/api-keys/{id}': { id: 'apiKey' },
  'get /v1/merchant/applications/{id}': { id: 'application' },
  'post /v1/merchant/applications/{id}/withdraw': { id: 'application' },
  'delete /v1/merchant/webhooks/{id}': { id: 'webhook' },
  'get /v1/merchant/webhooks/{id}/deliveries': { id: 'webhook' },
  'get /v1/merchant/transactions/{id}': { id: 'transaction' },
  'get /v1/merchant/statements/{businessDate}': { id: 'date' },
  'get /v1/merchant/statements/{businessDate}.pdf': { id: 'date' },
  'get /v1/merchant/statements/{businessDate}.csv': { id: 'date' },
  'post /v1/merchant/terminals/{terminalId}/report-lost': { id: 'terminal', body: {} },
  'post /v1/merchant/terminals/{terminalId}/replacement': {
    id: 'terminal',
    body: { reason: '坏了' },
  },
  'post /v1/merchant/terminals/{terminalId}/return': { id: 'terminal', body: { reason: '退' } },
  'post /v1/merchant/notifications/{id}/read': { id: 'notification' },
  'get /v1/merchant/tickets/{id}': { id: 'ticket' },
  'post /v1/merchant/tickets/{id}/messages': { id: 'ticket', body: { body: '我是B' } },
  'post /v1/merchant/tickets/{id}/close': { id: 'ticket' },
};

function merchantRoutesWithIds(): string[] {
  const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/v1/merchant/') && path.includes('{'))
    .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
}

describe("another merchant's ids", () => {
  it('are covered for every merchant route that takes one', () => {
    expect(merchantRoutesWithIds().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ROUTES))('%s answers 404 to merchant B', async (route) => {
    const entry = ROUTES[route];
    if (!entry) throw new Error(route);
    const [method = '', template = ''] = route.split(' ');
    const value = entry.id === 'date' ? DATE : (ids[entry.id] ?? '');
    const url = template.replace(/\{[A-Za-z]+\}/, value);
    const r = await h.call(method.toUpperCase(), url, { as: ownerB, body: entry.body });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });

  it("leave A's objects untouched after B's attempts", async () => {
    const ticket = await h.call('GET', `/v1/merchant/tickets/${ids['ticket']}`, { as: ownerA });
    expect(ticket.body.status).toBe('open');
    expect(ticket.body.messages).toHaveLength(1);
    const app = await h.call('GET', `/v1/merchant/applications/${ids['application']}`, {
      as: ownerA,
    });
    expect(app.body.status).toBe('submitted');
    const terminals = await h.call('GET', '/v1/merchant/terminals', { as: ownerA });
    const first = terminals.body.data.find(
      (t: { terminalId: string }) => t.terminalId === ids['terminal'],
    );
    expect(first.status).toBe('active');
  });

  it("never show up in B's lists", async () => {
    const lists = [
      '/v1/merchant/api-keys',
      '/v1/merchant/applications',
      '/v1/merchant/webhooks',
      '/v1/merchant/transactions',
      '/v1/merchant/transactions.csv',
      '/v1/merchant/settlements',
      '/v1/merchant/terminals',
      '/v1/merchant/notifications',
      '/v1/merchant/tickets',
      '/v1/merchant/services',
      '/v1/merchant/rate-changes',
      '/v1/merchant/balances',
      '/v1/merchant/deregistration',
    ];
    for (const url of lists) {
      const r = await h.call('GET', url, { as: ownerB });
      expect(r.status, url).toBe(200);
      for (const value of Object.values(ids)) expect(r.text, url).not.toContain(value);
    }
  });
});
