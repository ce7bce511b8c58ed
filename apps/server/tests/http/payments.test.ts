// Goal: a merchant's own system charges QR payment codes through the API exactly once per
// Idempotency-Key, on its virtual terminal, with the books right. Method: the API on a test
// database with the world's engine; replays, a changed body, a crash between keeping the request
// key and answering, the voucher number wrapping, and another merchant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { platform, schema } from '@shoudan/db';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ merchants: 3 });
});
afterAll(() => h.close());

const pay = (amountFen = '1234') => ({
  amountFen,
  method: 'unionpay_qr',
  payerCode: '6225880012345678',
});

describe('API payments', () => {
  it('charges once per key, replays the answer, refuses the key with another body', async () => {
    const owner = await h.merchantUser();
    const key = { 'idempotency-key': 'order-1001' };
    const first = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay(),
      headers: key,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'approved', amountFen: '1234', voucherNo: 1 });
    expect(first.body.terminalId).toMatch(/^V\d{7}$/);
    const again = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay(),
      headers: key,
    });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay('999'),
      headers: key,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const rows = await h.db
      .select()
      .from(schema.transactions)
      .where(eq(schema.transactions.terminalId, String(first.body.terminalId)));
    expect(rows).toHaveLength(1);
    expect((await h.world.engine.checkLedger()).ok).toBe(true);
  });

  it('needs an Idempotency-Key and names bad fields', async () => {
    const owner = await h.merchantUser();
    const none = await h.call('POST', '/v1/merchant/payments', { as: owner, body: pay() });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('validation_failed');
    const bad = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: { ...pay(), amountFen: '0' },
      headers: { 'idempotency-key': 'k-bad' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.param).toBe('amountFen');
  });

  it('works with a secret key, and each merchant has its own virtual terminal', async () => {
    const owner = await h.merchantUser({ merchantId: h.world.merchants[1]?.id ?? '' });
    const made = await h.call('POST', '/v1/merchant/api-keys', {
      as: owner,
      body: { name: 'till' },
    });
    const paid = await h.call('POST', '/v1/merchant/payments', {
      as: { bearer: String(made.body.secret) },
      body: pay(),
      headers: { 'idempotency-key': 'order-1001' },
    });
    expect(paid.status).toBe(201);
    const mine = await h.call('POST', '/v1/merchant/payments', {
      as: await h.merchantUser(),
      body: pay(),
      headers: { 'idempotency-key': 'order-2002' },
    });
    expect(paid.body.terminalId).not.toBe(mine.body.terminalId);
  });

  it('makes one virtual terminal when two first payments come at once', async () => {
    const owner = await h.merchantUser({ merchantId: h.world.merchants[2]?.id ?? '' });
    const [one, two] = await Promise.all(
      ['first-a', 'first-b'].map((key) =>
        h.call('POST', '/v1/merchant/payments', {
          as: owner,
          body: pay(),
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect([one?.status, two?.status]).toEqual([201, 201]);
    expect(one?.body.terminalId).toBe(two?.body.terminalId);
    expect(new Set([one?.body.voucherNo, two?.body.voucherNo])).toEqual(new Set([1, 2]));
  });

  it('asks the engine again with the kept request key after a crash', async () => {
    const owner = await h.merchantUser();
    const key = 'order-crash';
    const first = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay('500'),
      headers: { 'idempotency-key': key },
    });
    // As if the process died after the engine approved but before the answer was kept.
    await h.db
      .update(schema.idempotencyKeys)
      .set({ statusCode: 0, responseBody: { requestKey: requestKeyOf(first.body) } })
      .where(eq(schema.idempotencyKeys.key, key));
    const retried = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay('500'),
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ id: first.body.id, rrn: first.body.rrn });
  });

  it('settles the virtual batch after voucher 999999 and goes on in the next batch', async () => {
    const owner = await h.merchantUser();
    const paid = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay(),
      headers: { 'idempotency-key': 'before-wrap' },
    });
    await h.db
      .update(schema.apiTerminals)
      .set({ nextVoucherNo: platform.apiPayments.VOUCHER_NO_MAX })
      .where(eq(schema.apiTerminals.merchantId, owner.merchantId));
    const last = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay(),
      headers: { 'idempotency-key': 'wrap-1' },
    });
    expect(last.body).toMatchObject({ voucherNo: 999_999, batchNo: paid.body.batchNo });
    const next = await h.call('POST', '/v1/merchant/payments', {
      as: owner,
      body: pay(),
      headers: { 'idempotency-key': 'wrap-2' },
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ voucherNo: 1, batchNo: Number(paid.body.batchNo) + 1 });
  });
});

function requestKeyOf(body: { terminalId: string; batchNo: number; voucherNo: number }) {
  return { terminalId: body.terminalId, batchNo: body.batchNo, voucherNo: body.voucherNo };
}
