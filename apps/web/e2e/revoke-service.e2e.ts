// Goal: the third journey of the issue. A merchant revokes a service (撤销服务) in the portal, a
// staff member approves it in the ops console, and then the virtual POS declines that payment
// while the services still held go on. Method: the platform in-process, Chromium through
// playwright-core, a browser context per person, screenshots of each screen.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, Screen } from './browser.ts';
import { startE2ePlatform, type E2ePlatform } from './platform.ts';
import {
  approveNewest,
  CASHIER,
  ownerPhone,
  posDone,
  posOpen,
  posSale,
  signIn,
  statusOf,
} from './steps.ts';

const TERMINAL = '31000102';
const REVOKED = 'card_credit';

let platform: E2ePlatform;
let browser: Browser;
beforeAll(async () => {
  platform = await startE2ePlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('a merchant revokes a service', () => {
  it('is reviewed and approved, after which the POS declines that payment', async () => {
    const owner = await Screen.open(browser, {
      baseURL: platform.url,
      viewport: DESKTOP,
      dir: 'revoke-service-merchant',
    });
    await signIn(owner.page, 'merchant', ownerPhone(1), '/merchant/services');
    expect(await statusOf(owner.page, `service-row-${REVOKED}`, ['active'])).toBe('active');
    await owner.shot('services');
    await owner.page.getByTestId(`service-revoke-${REVOKED}`).click();
    await owner.page.getByTestId('service-reason').fill('不再受理信用卡');
    await owner.shot('revoke-form');
    await owner.page.getByTestId('service-submit').click();
    await owner.page.getByTestId('service-confirm').click();
    const pending = await statusOf(owner.page, `service-row-${REVOKED}`, ['revocation_pending']);
    expect(pending).toBe('revocation_pending');
    await owner.shot('revocation-pending');

    const reviewer = await Screen.open(browser, {
      baseURL: platform.url,
      viewport: DESKTOP,
      dir: 'revoke-service-ops',
    });
    await signIn(reviewer.page, 'ops', 'reviewer', '/ops/reviews');
    await reviewer.shot('queue');
    const approved = await approveNewest(reviewer.page, 'service_revocation', '同意撤销');
    expect(approved).toBe('executed');
    await reviewer.shot('approved');

    await owner.page.reload();
    expect(await statusOf(owner.page, `service-row-${REVOKED}`, ['revoked'])).toBe('revoked');
    await owner.shot('revoked');

    const cashier = await Screen.open(browser, {
      baseURL: platform.url,
      viewport: PHONE,
      dir: 'revoke-service-pos',
    });
    await signIn(cashier.page, 'merchant', CASHIER, '/pos');
    await posOpen(cashier.page, TERMINAL);
    const credit = await posSale(cashier.page, '50.00', 'credit');
    expect(credit.approved).toBe(false);
    const code = cashier.page.getByTestId('pos-result-code');
    expect(await code.getAttribute('data-response-code')).not.toBe('00');
    await cashier.shot('credit-declined');
    await posDone(cashier.page);
    const debit = await posSale(cashier.page, '50.00', 'debit');
    expect(debit.approved).toBe(true);
    await cashier.shot('debit-approved');

    for (const screen of [owner, reviewer, cashier]) {
      expect(screen.problems).toEqual([]);
      await screen.close();
    }
  });
});
