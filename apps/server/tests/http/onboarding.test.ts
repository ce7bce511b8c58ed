// Goal: applying for a POS (办理 / 进件) works end to end for an individual and an enterprise —
// apply, upload documents, review, merchant + owner + terminal from inventory, shipping, tracking,
// activation at first sign-in — and every refusal (bad numbers, wrong token, bad uploads, no
// stock, wrong role) answers its code and writes nothing. Method: the API through inject on a
// test database with a fake clock and a temporary data directory; the terminal signs in through
// the engine as the gateway would make it.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '@shoudan/core';
import { platform, schema } from '@shoudan/db';
import { TestPos } from '@shoudan/db/testing';
import { DEMO_DEVICES, seedDemoInventory } from '../../src/seed/demo-inventory.ts';
import { type Caller, type Harness, startHarness } from './harness.ts';

let h: Harness;
let dataDir: string;
let reviewer: Caller;
let ops: Caller;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shoudan-onboarding-'));
  h = await startHarness({ env: { SHOUDAN_DATA_DIR: dataDir } });
  reviewer = await h.staff(['reviewer']);
  ops = await h.staff(['ops']);
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ID_CARD_NO = '11010519491231002X';
const BANK_CARD_NO = '6228480012345678903';
const CREDIT_CODE = '91330100716105852F';
const LEGAL_ID_CARD_NO = `31010419900307123${idCardCheckChar('31010419900307123')}`;
const ACCOUNT_NO = '310066726018800012345';

let phones = 0;
/** A mobile number no one has used yet in this file. */
function newPhone(): string {
  phones += 1;
  return `137${String(phones).padStart(8, '0')}`;
}

const common = () => ({
  areaCode: '3100',
  businessAddress: '上海市静安区南京西路 1266 号',
  services: ['card_debit', 'card_credit', 'unionpay_qr'],
  shippingAddress: {
    recipient: '张三',
    phone: newPhone(),
    address: '上海市静安区南京西路 1266 号',
  },
});

function individualForm(overrides: Record<string, unknown> = {}) {
  return {
    merchantType: 'individual',
    name: '张三',
    idCardNo: ID_CARD_NO,
    bankCardNo: BANK_CARD_NO,
    phone: newPhone(),
    businessName: '张记小吃',
    ...common(),
    ...overrides,
  };
}

function enterpriseForm(overrides: Record<string, unknown> = {}) {
  return {
    merchantType: 'enterprise',
    businessName: '杭州西湖茶饮有限公司',
    businessLicenceNo: CREDIT_CODE,
    legalPersonName: '李四',
    legalPersonIdCardNo: LEGAL_ID_CARD_NO,
    corporateAccount: { bankName: '中国工商银行杭州分行', accountNo: ACCOUNT_NO },
    contactName: '王五',
    contactPhone: newPhone(),
    ...common(),
    areaCode: '3301',
    ...overrides,
  };
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

let boundaries = 0;
function multipart(bytes: Buffer, contentType: string, fileName = 'upload.bin') {
  boundaries += 1;
  const boundary = `----shoudan-test-${boundaries}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function apply(form: Record<string, unknown>, headers: Record<string, string> = {}) {
  return h.call('POST', '/v1/applications/onboarding', { body: form, headers });
}

async function applied(form: Record<string, unknown>) {
  const r = await apply(form);
  expect(r.status).toBe(201);
  return { id: String(r.body.id), token: String(r.body.accessToken), body: r.body };
}

async function upload(
  app: { id: string; token: string },
  kind: string,
  bytes: Buffer,
  type: string,
) {
  // A second apart, as uploads are, so that they list in the order they came.
  h.world.clock.advance(1_000);
  const { body, headers } = multipart(bytes, type);
  const url = `/v1/applications/onboarding/${app.id}/documents?token=${app.token}&kind=${kind}`;
  return h.call('POST', url, { body, headers });
}

async function follow(app: { id: string; token: string }) {
  return h.call('GET', `/v1/applications/onboarding/${app.id}?token=${app.token}`);
}

let serials = 0;
async function stock(): Promise<string> {
  serials += 1;
  const serialNo = `N86SN${String(serials).padStart(6, '0')}`;
  const r = await h.call('POST', '/v1/ops/inventory', {
    as: ops,
    body: { serialNo, model: 'NEW9220' },
  });
  expect(r.status).toBe(201);
  return serialNo;
}

async function approve(id: string, as: Caller = reviewer) {
  return h.call('POST', `/v1/ops/applications/${id}/approve`, { as, body: {} });
}

async function counts() {
  return {
    applications: await h.db.$count(schema.applications),
    merchants: await h.db.$count(schema.merchants),
    terminals: await h.db.$count(schema.terminals),
    users: await h.db.$count(schema.merchantUsers),
    documents: await h.db.$count(schema.onboardingDocuments),
    inStock: await h.db.$count(
      schema.terminalInventory,
      eq(schema.terminalInventory.status, 'in_stock'),
    ),
  };
}

/** Approve, set the owner's password, ship, and sign the terminal in: the common second half. */
async function approveShipActivate(app: { id: string; token: string }, phone: string) {
  const serialNo = await stock();
  const approved = await approve(app.id);
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('executed');
  const { merchantId, merchantNo, terminalId } = approved.body.result;
  expect(approved.body.result.serialNo).toBe(serialNo);
  const [terminal] = await h.db
    .select()
    .from(schema.terminals)
    .where(eq(schema.terminals.terminalId, terminalId));
  expect(terminal).toMatchObject({
    merchantId,
    serialNo,
    status: 'pending_activation',
    currentBatchNo: 1,
  });
  expect((await follow(app)).body.shipment).toMatchObject({ serialNo, status: 'allocated' });

  // The owner exists but nobody can sign in as them until the applicant sets the password.
  const early = await h.call('POST', '/v1/merchant/session', {
    body: { phone, password: 'a new password' },
  });
  expect(early.body.code).toBe('invalid_credentials');
  const url = `/v1/applications/onboarding/${app.id}/owner-password?token=${app.token}`;
  const set = await h.call('POST', url, { body: { password: 'a new password' } });
  expect(set.status).toBe(204);
  const again = await h.call('POST', url, { body: { password: 'another password' } });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('owner_password_already_set');
  const owner = await h.call('POST', '/v1/merchant/session', {
    body: { phone, password: 'a new password' },
  });
  expect(owner.status).toBe(200);
  expect(owner.body).toMatchObject({ merchantId, role: 'owner' });

  h.world.clock.advance(60_000);
  const shipped = await h.call('POST', `/v1/ops/inventory/${serialNo}/ship`, {
    as: ops,
    body: { carrier: '顺丰速运', trackingNo: 'SF1234567890123' },
  });
  expect(shipped.status).toBe(200);
  expect(shipped.body).toMatchObject({ status: 'shipped', terminalId, merchantId });
  const notes = await platform.notifications.listNotifications(h.db, merchantId, {
    unreadOnly: false,
    limit: 10,
  });
  expect(notes.map((n) => n.kind)).toEqual(['terminal.shipped', 'onboarding.executed']);
  expect(notes[0]?.body).toContain('SF1234567890123');
  const tracked = await follow(app);
  expect(tracked.body.merchant).toMatchObject({ merchantNo, terminalId, ownerPasswordSet: true });
  expect(tracked.body.shipment).toMatchObject({
    status: 'shipped',
    carrier: '顺丰速运',
    trackingNo: 'SF1234567890123',
  });

  h.world.clock.advance(60_000);
  const signed = await h.world.engine.signIn({ terminalId });
  expect(signed).toEqual({ ok: true, value: { batchNo: 1, lastVoucherNo: 0, activated: true } });
  const [active] = await h.db
    .select()
    .from(schema.terminals)
    .where(eq(schema.terminals.terminalId, terminalId));
  expect(active?.status).toBe('active');
  const delivered = (await follow(app)).body.shipment;
  expect(delivered).toMatchObject({ status: 'delivered' });
  expect(delivered.deliveredAt).toBe(h.world.clock.now().toISOString());
  // The new merchant takes a card payment on its standard fee plan.
  const sale = await new TestPos(h.world.engine, terminalId).sale(10_000n);
  expect(sale.ok).toBe(true);
  const setCookie = owner.headers['set-cookie'];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];
  const ownerCaller: Caller = { cookie: cookie ?? '', csrfToken: String(owner.body.csrfToken) };
  return { merchantId, merchantNo, terminalId, serialNo, owner: ownerCaller };
}

describe('the individual journey', () => {
  it('applies, uploads, is approved, shipped, tracked and activated at first sign-in', async () => {
    const form = individualForm();
    const app = await applied(form);
    expect(app.body.applicationNo).toMatch(/^O\d{14}$/);
    expect(app.token).toMatch(/^oa_/);
    expect((await upload(app, 'id_card_front', JPEG, 'image/jpeg')).status).toBe(201);
    expect((await upload(app, 'id_card_back', PNG, 'image/png')).status).toBe(201);
    const card = await upload(app, 'bank_card', PDF, 'application/pdf');
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ kind: 'bank_card', contentType: 'application/pdf' });

    const listed = await h.call('GET', `/v1/ops/applications/${app.id}/documents`, {
      as: reviewer,
    });
    expect(listed.body.data.map((d: { kind: string }) => d.kind)).toEqual([
      'id_card_front',
      'id_card_back',
      'bank_card',
    ]);
    const url = `/v1/ops/applications/${app.id}/documents/${card.body.id}`;
    const download = await h.call('GET', url, { as: reviewer });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(download.text, 'latin1').equals(PDF)).toBe(true);

    const seen = await follow(app);
    expect(seen.body).toMatchObject({ status: 'submitted', merchant: null, shipment: null });
    expect(seen.body.payload).toMatchObject({
      idCardNo: '1101**********002X',
      bankCardNo: '622848*********8903',
      phone: `137****${String(form.phone).slice(-4)}`,
    });
    const done = await approveShipActivate(app, String(form.phone));
    const [merchant] = await h.db
      .select()
      .from(schema.merchants)
      .where(eq(schema.merchants.id, done.merchantId));
    expect(merchant).toMatchObject({
      name: '张记小吃',
      merchantType: 'individual',
      status: 'active',
      feePlanId: h.world.planId,
    });
    expect(done.merchantNo).toMatch(/^8983100\d{8}$/);
    expect(done.terminalId).toMatch(/^31\d{6}$/);
    const mine = await h.call('GET', '/v1/merchant/applications', { as: done.owner });
    expect(mine.body.data.map((a: { id: string }) => a.id)).toEqual([app.id]);
    const stranger = await h.merchantUser({ merchantId: h.world.merchant.id });
    const theirs = await h.call('GET', `/v1/merchant/applications/${app.id}`, { as: stranger });
    expect(theirs.status).toBe(404);
  });

  it('never shows or logs the full ID card, bank card or phone number', async () => {
    const form = individualForm();
    const app = await applied(form);
    await upload(app, 'id_card_front', JPEG, 'image/jpeg');
    const views = [
      (await follow(app)).text,
      (await h.call('GET', `/v1/ops/applications/${app.id}`, { as: reviewer })).text,
      JSON.stringify(await platform.audit.searchAudit(h.db, { limit: 500 })),
      h.logLines.join(''),
    ];
    for (const view of views) {
      for (const secret of [ID_CARD_NO, BANK_CARD_NO, String(form.phone)]) {
        expect(view).not.toContain(secret);
      }
    }
    expect(views[1]).not.toContain(app.token);
    expect(views[3]).not.toContain(app.token);
  });
});

describe('the enterprise journey', () => {
  it('applies with a licence and a corporate account, and is set up the same way', async () => {
    const form = enterpriseForm();
    const app = await applied(form);
    expect((await upload(app, 'business_licence', PDF, 'application/pdf')).status).toBe(201);
    const seen = await follow(app);
    expect(seen.body.payload).toMatchObject({
      businessLicenceNo: CREDIT_CODE,
      legalPersonIdCardNo: `3101**********${LEGAL_ID_CARD_NO.slice(-4)}`,
      corporateAccount: { bankName: '中国工商银行杭州分行', accountNo: '*****************2345' },
    });
    expect(seen.text).not.toContain(ACCOUNT_NO);
    const done = await approveShipActivate(app, String(form.contactPhone));
    const [merchant] = await h.db
      .select()
      .from(schema.merchants)
      .where(eq(schema.merchants.id, done.merchantId));
    expect(merchant).toMatchObject({ merchantType: 'enterprise', status: 'active' });
    expect(done.merchantNo).toMatch(/^8983301\d{8}$/);
    const services = await h.db
      .select()
      .from(schema.merchantServices)
      .where(eq(schema.merchantServices.merchantId, done.merchantId));
    expect(services.map((s) => s.service).sort()).toEqual([
      'card_credit',
      'card_debit',
      'unionpay_qr',
    ]);
    const [user] = await h.db
      .select()
      .from(schema.merchantUsers)
      .where(eq(schema.merchantUsers.merchantId, done.merchantId));
    expect(user).toMatchObject({ name: '王五', role: 'owner', phone: form.contactPhone });
  });
});

describe('rejection and resubmission', () => {
  it('a rejected application is corrected as a new one, linked to it, and approved', async () => {
    const first = await applied(individualForm({ businessName: '张记' }));
    await upload(first, 'id_card_front', JPEG, 'image/jpeg');
    const rejected = await h.call('POST', `/v1/ops/applications/${first.id}/reject`, {
      as: reviewer,
      body: { comment: '经营名称过短，请填写完整名称' },
    });
    expect(rejected.status).toBe(200);
    const seen = await follow(first);
    expect(seen.body).toMatchObject({
      status: 'rejected',
      reviewComment: '经营名称过短，请填写完整名称',
    });
    const late = await upload(first, 'shop_photo', JPEG, 'image/jpeg');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('application_not_pending');

    const corrected = individualForm({ businessName: '张记小吃店' });
    const resubmitUrl = `/v1/applications/onboarding/${first.id}/resubmit?token=${first.token}`;
    const headers = { 'idempotency-key': `resubmit-${first.id}` };
    const second = await h.call('POST', resubmitUrl, { body: corrected, headers });
    expect(second.status).toBe(201);
    expect(second.body.previousApplicationId).toBe(first.id);
    expect(second.body.id).not.toBe(first.id);
    // Sent again: the same correction with a new token; without the right token, refused.
    const replayed = await h.call('POST', resubmitUrl, { body: corrected, headers });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toMatchObject({ id: second.body.id, previousApplicationId: first.id });
    const wrongToken = resubmitUrl.replace(first.token, `oa_${'y'.repeat(43)}`);
    const stranger = await h.call('POST', wrongToken, { body: corrected, headers });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('idempotency_key_reused');
    const next = { id: String(second.body.id), token: String(replayed.body.accessToken) };
    expect((await follow({ ...next, token: String(second.body.accessToken) })).status).toBe(404);
    const nextSeen = await follow(next);
    expect(nextSeen.body).toMatchObject({ status: 'submitted', previousApplicationId: first.id });
    expect(nextSeen.body.payload.businessName).toBe('张记小吃店');
    expect(nextSeen.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['id_card_front']);
    expect((await follow(first)).body.resubmittedAs).toBe(next.id);
    // The old token does not reach the new application; a second correction is refused.
    expect((await follow({ id: next.id, token: first.token })).status).toBe(404);
    const twice = await h.call('POST', resubmitUrl, { body: corrected });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('application_not_pending');
    const pending = await h.call(
      'POST',
      `/v1/applications/onboarding/${next.id}/resubmit?token=${next.token}`,
      { body: corrected },
    );
    expect(pending.body.code).toBe('application_not_pending');

    await stock();
    const approved = await approve(next.id);
    expect(approved.body.status).toBe('executed');
    expect((await follow(next)).body.merchant.merchantNo).toBe(approved.body.result.merchantNo);
  });
});

describe('refusals of the application', () => {
  it('answers 400 naming the field of an invalid number, and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [individualForm({ idCardNo: '110105194912310021' }), 'idCardNo'],
      [individualForm({ bankCardNo: '6228480012345678904' }), 'bankCardNo'],
      [individualForm({ phone: '12345678901' }), 'phone'],
      [individualForm({ areaCode: '31' }), 'areaCode'],
      [individualForm({ services: [] }), 'services'],
      [enterpriseForm({ businessLicenceNo: '91330100716105852E' }), 'businessLicenceNo'],
      [enterpriseForm({ legalPersonIdCardNo: '310104199003071230' }), 'legalPersonIdCardNo'],
      [
        enterpriseForm({ corporateAccount: { bankName: '工行', accountNo: '12-34' } }),
        'corporateAccount.accountNo',
      ],
      [individualForm({ merchantType: 'agent' }), 'merchantType'],
    ];
    for (const [form, param] of cases) {
      const r = await apply(form);
      expect(r.status, param).toBe(400);
      expect(r.body).toMatchObject({ code: 'validation_failed', param });
    }
    expect(await counts()).toEqual(before);
  });

  it('accepts a lower-case x in an ID card number and keeps it upper case', async () => {
    const app = await applied(individualForm({ idCardNo: ID_CARD_NO.toLowerCase() }));
    expect((await follow(app)).body.payload.idCardNo).toBe('1101**********002X');
  });

  it('replays an application sent again with the same Idempotency-Key', async () => {
    const form = individualForm();
    const key = `onboarding-${form.phone}`;
    const headers = { 'idempotency-key': key };
    const first = await apply(form, headers);
    const before = await counts();
    const again = await apply(form, headers);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await counts()).toEqual(before);
    // The same application; the token is shown once, so the replay shows a new one instead.
    const { accessToken, ...rest } = again.body;
    expect(rest).toEqual({ ...first.body, accessToken: undefined });
    expect(accessToken).toMatch(/^oa_[\w-]{43}$/);
    expect(accessToken).not.toBe(first.body.accessToken);
    expect((await follow({ id: first.body.id, token: accessToken })).status).toBe(200);
    expect((await follow({ id: first.body.id, token: first.body.accessToken })).status).toBe(404);
    // What the key keeps holds neither token.
    const [kept] = await h.db
      .select()
      .from(schema.idempotencyKeys)
      .where(eq(schema.idempotencyKeys.key, key));
    expect(kept?.statusCode).toBe(201);
    const keptText = JSON.stringify(kept?.responseBody);
    expect(keptText).toContain(first.body.id);
    expect(keptText).not.toContain(first.body.accessToken);
    expect(keptText).not.toContain(accessToken);
    const other = await apply(individualForm(), headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('is withdrawn by its applicant while it waits, and then goes no further', async () => {
    const app = await applied(individualForm());
    const url = (token: string) => `/v1/applications/onboarding/${app.id}/withdraw?token=${token}`;
    const stranger = await h.call('POST', url(`oa_${'z'.repeat(43)}`));
    expect(stranger.status).toBe(404);
    expect((await follow(app)).body.status).toBe('submitted');
    const withdrawn = await h.call('POST', url(app.token));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: app.id, status: 'withdrawn' });
    expect((await follow(app)).body.status).toBe('withdrawn');
    const audited = await platform.audit.searchAudit(h.db, { objectId: app.id, limit: 10 });
    const entry = audited.find((a) => a.action === 'application.withdrawn');
    expect(entry?.detail).toMatchObject({ kind: 'onboarding', by: 'applicant' });
    for (const refused of [
      await h.call('POST', url(app.token)),
      await approve(app.id),
      await upload(app, 'shop_photo', JPEG, 'image/jpeg'),
    ]) {
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('application_not_pending');
    }
  });

  it('answers 404 to a wrong token or an unknown id, 400 to a missing token', async () => {
    const app = await applied(individualForm());
    const wrong = { id: app.id, token: `oa_${'x'.repeat(43)}` };
    const unknown = { id: '0190a000-0000-7000-8000-000000000999', token: app.token };
    for (const target of [wrong, unknown]) {
      const seen = await follow(target);
      expect(seen.status).toBe(404);
      expect(seen.body.code).toBe('not_found');
      expect((await upload(target, 'shop_photo', JPEG, 'image/jpeg')).status).toBe(404);
      const resubmit = `/v1/applications/onboarding/${target.id}/resubmit?token=${target.token}`;
      expect((await h.call('POST', resubmit, { body: individualForm() })).status).toBe(404);
      const base = `/v1/applications/onboarding/${target.id}`;
      const password = `${base}/owner-password?token=${target.token}`;
      expect((await h.call('POST', password, { body: { password: '12345678' } })).status).toBe(404);
    }
    const missing = await h.call('GET', `/v1/applications/onboarding/${app.id}`);
    expect(missing.status).toBe(400);
    expect(missing.body.param).toBe('token');
    // Before approval there is no owner whose password could be set.
    const early = await h.call(
      'POST',
      `/v1/applications/onboarding/${app.id}/owner-password?token=${app.token}`,
      { body: { password: '12345678' } },
    );
    expect(early.body.code).toBe('application_not_pending');
  });
});

describe('document uploads', () => {
  it('refuses an oversize file, a wrong type, a type its bytes belie, no file', async () => {
    const app = await applied(individualForm());
    const before = await counts();
    const big = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024, 0)]);
    const oversize = await upload(app, 'shop_photo', big, 'image/jpeg');
    expect(oversize.status).toBe(413);
    expect(oversize.body).toMatchObject({ code: 'document_too_large', param: 'file' });
    const gif = await upload(app, 'shop_photo', Buffer.from('GIF89a....'), 'image/gif');
    expect(gif.status).toBe(400);
    expect(gif.body.code).toBe('document_type_not_allowed');
    const disguised = await upload(app, 'shop_photo', Buffer.from('<html>'), 'image/jpeg');
    expect(disguised.body.code).toBe('document_type_not_allowed');
    const mislabelled = await upload(app, 'shop_photo', PNG, 'image/jpeg');
    expect(mislabelled.body.code).toBe('document_type_not_allowed');
    const url = `/v1/applications/onboarding/${app.id}/documents?token=${app.token}`;
    const json = await h.call('POST', `${url}&kind=shop_photo`, { body: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'validation_failed', param: 'file' });
    const { body, headers } = multipart(JPEG, 'image/jpeg');
    const kind = await h.call('POST', `${url}&kind=selfie`, { body, headers });
    expect(kind.status).toBe(400);
    expect(kind.body.param).toBe('kind');
    expect(await counts()).toEqual(before);
    expect(readdirSync(join(dataDir, 'uploads')).includes(app.id)).toBe(false);
  });

  it('keeps at most 12 documents per application', async () => {
    const app = await applied(individualForm());
    for (let i = 0; i < 12; i++) {
      expect((await upload(app, 'shop_photo', JPEG, 'image/jpeg')).status).toBe(201);
    }
    const more = await upload(app, 'shop_photo', JPEG, 'image/jpeg');
    expect(more.status).toBe(400);
    expect(more.body).toMatchObject({ code: 'validation_failed', param: 'file' });
    expect(readdirSync(join(dataDir, 'uploads', app.id))).toHaveLength(12);
  });
});

describe('approval refusals', () => {
  it('refuses an approval with no device in stock and writes nothing', async () => {
    const app = await applied(individualForm());
    const before = await counts();
    expect(before.inStock).toBe(0);
    const refused = await approve(app.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('inventory_empty');
    expect(await counts()).toEqual(before);
    expect((await follow(app)).body.status).toBe('submitted');
    const audited = await platform.audit.searchAudit(h.db, { objectId: app.id, limit: 50 });
    expect(audited.map((a) => a.action)).toEqual(['application.submitted']);
    await stock();
    expect((await approve(app.id)).body.status).toBe('executed');
  });

  it('approvals at once take different devices, numbers and terminal ids', async () => {
    const apps = [await applied(individualForm()), await applied(individualForm())];
    const serialNos = [await stock(), await stock()];
    const other = await h.staff(['reviewer']);
    const [a, b] = await Promise.all([
      approve(apps[0]?.id ?? ''),
      approve(apps[1]?.id ?? '', other),
    ]);
    expect([a?.body.status, b?.body.status]).toEqual(['executed', 'executed']);
    const results = [a?.body.result, b?.body.result];
    expect(new Set(results.map((r) => r.serialNo))).toEqual(new Set(serialNos));
    expect(results[0].merchantNo).not.toBe(results[1].merchantNo);
    expect(results[0].terminalId).not.toBe(results[1].terminalId);
    // One device for two approvals at once: one is carried out, the other refused whole.
    const more = [await applied(individualForm()), await applied(individualForm())];
    await stock();
    const before = await counts();
    const raced = await Promise.all([
      approve(more[0]?.id ?? ''),
      approve(more[1]?.id ?? '', other),
    ]);
    const codes = raced.map((r) => r.body.status ?? r.body.code).sort();
    expect(codes).toEqual(['executed', 'inventory_empty']);
    const after = await counts();
    expect(after.merchants - before.merchants).toBe(1);
    expect(after.terminals - before.terminals).toBe(1);
  });

  it('refuses an owner phone that already signs in to a merchant, and writes nothing', async () => {
    const user = await h.merchantUser();
    const app = await applied(individualForm({ phone: user.phone }));
    await stock();
    const before = await counts();
    const refused = await approve(app.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('phone_already_registered');
    expect(await counts()).toEqual(before);
    // The device stays in stock; another application takes it.
    expect((await approve((await applied(individualForm())).id)).body.status).toBe('executed');
  });

  it('only reviewers approve: not a merchant user, support or ops (403)', async () => {
    const app = await applied(individualForm());
    const owner = await h.merchantUser();
    for (const caller of [owner, await h.staff(['support']), ops]) {
      const r = await approve(app.id, caller);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('forbidden');
    }
    expect((await follow(app)).body.status).toBe('submitted');
  });

  it('shows documents to reviewers only, and only under their own application', async () => {
    const app = await applied(individualForm());
    const other = await applied(individualForm());
    const doc = await upload(app, 'id_card_front', JPEG, 'image/jpeg');
    const list = `/v1/ops/applications/${app.id}/documents`;
    expect((await h.call('GET', list)).status).toBe(401);
    for (const caller of [await h.merchantUser(), await h.staff(['support']), ops]) {
      const r = await h.call('GET', list, { as: caller });
      expect(r.status).toBe(403);
    }
    const crossed = `/v1/ops/applications/${other.id}/documents/${doc.body.id}`;
    const r = await h.call('GET', crossed, { as: reviewer });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
    const unknown = `/v1/ops/applications/0190a000-0000-7000-8000-000000000999/documents`;
    expect((await h.call('GET', unknown, { as: reviewer })).status).toBe(404);
  });
});

describe('inventory and shipping', () => {
  it('adds devices once, lists them by status, and is for ops only', async () => {
    const serialNo = await stock();
    const again = await h.call('POST', '/v1/ops/inventory', {
      as: ops,
      body: { serialNo, model: 'NEW9220' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'serial_no_taken', param: 'serialNo' });
    const terminalSerial = await h.call('POST', '/v1/ops/inventory', {
      as: ops,
      body: { serialNo: 'SN00010001', model: 'NEW9220' },
    });
    expect(terminalSerial.body.code).toBe('serial_no_taken');
    const bad = await h.call('POST', '/v1/ops/inventory', {
      as: ops,
      body: { serialNo: 'a b', model: 'NEW9220' },
    });
    expect(bad.body).toMatchObject({ code: 'validation_failed', param: 'serialNo' });
    const listed = await h.call('GET', '/v1/ops/inventory?status=in_stock', { as: ops });
    expect(listed.body.data.map((d: { serialNo: string }) => d.serialNo)).toContain(serialNo);
    expect(listed.body.data.every((d: { status: string }) => d.status === 'in_stock')).toBe(true);
    for (const caller of [reviewer, await h.merchantUser()]) {
      const add = await h.call('POST', '/v1/ops/inventory', {
        as: caller,
        body: { serialNo: 'N86OTHER01', model: 'X' },
      });
      expect(add.status).toBe(403);
      expect((await h.call('GET', '/v1/ops/inventory', { as: caller })).status).toBe(403);
    }
    // Each test leaves the stock as it found it: empty.
    await approve((await applied(individualForm())).id);
  });

  it('ships only an allocated device, once, and replays an idempotent ship', async () => {
    const inStock = await stock();
    const body = { carrier: '中国邮政 EMS', trackingNo: 'EM123456789CN' };
    const early = await h.call('POST', `/v1/ops/inventory/${inStock}/ship`, { as: ops, body });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('device_not_allocated');
    const app = await applied(individualForm());
    await approve(app.id);
    const headers = { 'idempotency-key': `ship-${inStock}` };
    const url = `/v1/ops/inventory/${inStock}/ship`;
    const shipped = await h.call('POST', url, { as: ops, body, headers });
    expect(shipped.status).toBe(200);
    const replay = await h.call('POST', url, { as: ops, body, headers });
    expect(replay.body).toEqual(shipped.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const twice = await h.call('POST', url, { as: ops, body });
    expect(twice.body.code).toBe('device_not_allocated');
    const unknown = await h.call('POST', '/v1/ops/inventory/N86NOBODY1/ship', { as: ops, body });
    expect(unknown.status).toBe(404);
    const badTracking = await h.call('POST', url, {
      as: ops,
      body: { carrier: 'EMS', trackingNo: '#' },
    });
    expect(badTracking.body).toMatchObject({ code: 'validation_failed', param: 'trackingNo' });
    expect((await h.call('POST', url, { as: reviewer, body })).status).toBe(403);
  });
});

describe('the demo seed', () => {
  it('puts devices in stock once, whatever how often it runs', async () => {
    const at = h.world.clock.now();
    expect(await seedDemoInventory(h.db, { at })).toBe(DEMO_DEVICES);
    expect(await seedDemoInventory(h.db, { at })).toBe(0);
    const listed = await h.call('GET', '/v1/ops/inventory?status=in_stock', { as: ops });
    expect(listed.body.data).toHaveLength(DEMO_DEVICES);
  });
});

describe('the API description', () => {
  it('documents the onboarding routes', async () => {
    const docs = await h.call('GET', '/docs/json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toContain('/v1/applications/onboarding');
  });
});
