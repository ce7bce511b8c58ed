// Goal: the third journey of the issue. A merchant revokes a service (撤销服务) in the portal, a
// staff member approves it in the ops console, and then the virtual POS declines that payment
// while the services still held go on. Method: the platform in-process, Chromium through
// playwright-core, a browser context per person, screenshots of each screen.
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.ts';
import { e2eSuite } from './platform.ts';
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

const suite = e2eSuite();

describe('a merchant revokes a service', () => {
  it('is reviewed and approved, after which the POS declines that payment', async () => {
    const owner = await suite.open(DESKTOP, 'revoke-service-merchant');
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

    const reviewer = await suite.open(DESKTOP, 'revoke-service-ops');
    await signIn(reviewer.page, 'ops', 'reviewer', '/ops/reviews');
    await reviewer.shot('queue');
    const approved = await approveNewest(reviewer.page, 'service_revocation', '同意撤销');
    expect(approved).toBe('executed');
    await reviewer.shot('approved');

    await owner.page.reload();
    expect(await statusOf(owner.page, `service-row-${REVOKED}`, ['revoked'])).toBe('revoked');
    await owner.shot('revoked');

    const cashier = await suite.open(PHONE, 'revoke-service-pos');
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
