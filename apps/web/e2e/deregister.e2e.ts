// Goal: the second journey of the issue. A merchant's deregistration (注销账户) is blocked by its
// checklist; the merchant resolves each blocker where the page points (结算 on the POS, terminals
// reported lost), ops cut off and settle, finance confirms the payouts; the merchant submits, a
// reviewer approves in the ops console, and the account is closed with its refund shown. Method:
// the platform in-process, Chromium through playwright-core, a context per person, screenshots.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { merchantDirectory } from '../../server/src/queries.ts';
import { DESKTOP, Screen } from './browser.ts';
import { e2eSuite } from './platform.ts';
import {
  approveNewest,
  ownerPhone,
  pastCutoff,
  posDone,
  posOpen,
  posResult,
  signIn,
  statusOf,
} from './steps.ts';

/** The second demo merchant (张记便利店), its owner 13800000002. */
const MERCHANT_NO = '898310054110002';
const DEREGISTRATION = '/merchant/account/deregistration';
const CHECKS = [
  'batches_settled',
  'sales_settled',
  'refunds_settled',
  'payouts_paid',
  'balances_zero',
  'terminals_returned',
] as const;

const suite = e2eSuite();
let terminals: readonly string[];
beforeAll(async () => {
  const entry = (await merchantDirectory(suite.platform.services.db, 50)).find(
    (m) => m.merchantNo === MERCHANT_NO,
  );
  terminals = entry?.terminalIds ?? [];
});

function open(dir: string): Promise<Screen> {
  return suite.open(DESKTOP, dir);
}

async function checklist(page: Page): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const key of CHECKS) {
    found[key] = await statusOf(page, `checklist-item-${key}`, ['pass', 'fail']);
  }
  return found;
}

/** 结算 on the virtual POS: closes the terminal's batch at the host. */
async function settleOnPos(page: Page, terminalId: string): Promise<void> {
  await posOpen(page, terminalId);
  await page.getByTestId('pos-menu-settle').click();
  await page.getByTestId('pos-settle-confirm').waitFor();
  await page.getByTestId('pos-confirm').click();
  await posResult(page);
  await posDone(page);
}

/** Picks an option of an antd Select (with search) by what it shows. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

describe('a merchant deregisters', () => {
  it('resolves a blocked checklist, submits, and is closed once a reviewer approves', async () => {
    expect(terminals.length).toBeGreaterThan(0);
    const owner = await open('deregister-merchant');
    await signIn(owner.page, 'merchant', ownerPhone(2), DEREGISTRATION);
    const blocked = await checklist(owner.page);
    expect(Object.values(blocked)).toContain('fail');
    expect(blocked.terminals_returned).toBe('fail');
    expect(await owner.page.getByTestId('deregistration-submit').isDisabled()).toBe(true);
    await owner.shot('checklist-blocked');

    // 结算 on each terminal, then each terminal reported lost (the merchant keeps none).
    for (const terminalId of terminals) await settleOnPos(owner.page, terminalId);
    await owner.page.goto('/merchant/terminals');
    for (const terminalId of terminals) {
      await owner.page.getByTestId(`terminal-report-lost-${terminalId}`).click();
      await owner.page.getByTestId('terminal-action-confirm').click();
      await owner.page.waitForFunction(
        (id) =>
          (
            document.querySelector(
              `[data-testid="terminal-report-lost-${id}"]`,
            ) as HTMLButtonElement | null
          )?.disabled === true,
        terminalId,
      );
    }
    await owner.shot('terminals-reported-lost');
    await owner.close();

    // The night passes: ops cut the date off and settle it; finance confirms the payouts.
    const jump = pastCutoff(
      suite.platform.services.clock.now(),
      suite.platform.services.config.cutoffTime,
    );
    suite.platform.clock.advance(jump.ms);
    const ops = await open('deregister-ops');
    await signIn(ops.page, 'ops', 'ops', '/ops/runs');
    await ops.page.getByTestId(`runs-cutoff-${jump.businessDate}`).click();
    expect(await statusOf(ops.page, 'run-status', ['completed'])).toBe('completed');
    await statusOf(ops.page, `runs-date-${jump.businessDate}`, ['cut_off']);
    await ops.page.getByTestId(`runs-settle-${jump.businessDate}`).click();
    await statusOf(ops.page, `runs-date-${jump.businessDate}`, ['settled']);
    await ops.shot('cut-off-and-settled');
    expect(ops.problems).toEqual([]);
    await ops.close();

    const finance = await open('deregister-finance');
    await signIn(finance.page, 'ops', 'finance', '/ops/runs');
    await pick(finance.page, 'payouts-merchant', MERCHANT_NO);
    // Up to the business date just settled: its payouts and every earlier one reached the bank.
    await finance.page.getByTestId('payouts-date').click();
    await finance.page.keyboard.type(jump.businessDate);
    await finance.page.keyboard.press('Enter');
    await finance.page.getByTestId('payouts-reference').fill('ICBC-20261206-0001');
    await finance.shot('payouts-form');
    await finance.page.getByTestId('payouts-submit').click();
    await finance.page.getByTestId('payouts-result').waitFor();
    await finance.shot('payouts-paid');
    expect(finance.problems).toEqual([]);
    await finance.close();

    // Every check passes now: the owner applies.
    const back = await open('deregister-merchant-submit');
    await signIn(back.page, 'merchant', ownerPhone(2), DEREGISTRATION);
    const passing = await checklist(back.page);
    expect(passing).toEqual(Object.fromEntries(CHECKS.map((key) => [key, 'pass'])));
    const estimate = await back.page.getByTestId('refund-estimate-total').innerText();
    await back.shot('checklist-passing');
    await back.page.getByTestId('deregistration-reason').fill('店铺停业');
    await back.page.getByTestId('deregistration-submit').click();
    await back.page.getByTestId('deregistration-confirm').click();
    expect(await statusOf(back.page, 'application-status', ['submitted'])).toBe('submitted');
    await back.shot('submitted');

    const reviewer = await open('deregister-review');
    await signIn(reviewer.page, 'ops', 'reviewer', '/ops/reviews');
    expect(await approveNewest(reviewer.page, 'deregistration', '核对无误，同意注销')).toBe(
      'executed',
    );
    await reviewer.shot('approved');
    // The closure, with the refund, on the merchant's page in the console.
    await reviewer.page.goto(`/ops/merchants?q=${MERCHANT_NO}`);
    await reviewer.page.getByTestId(`merchant-open-${MERCHANT_NO}`).click();
    const closure = reviewer.page.getByTestId('closure');
    // The refund paid is the one the merchant was shown as the estimate.
    const refund = estimate.replace(/[^\d.,¥-]/g, '').trim();
    expect(refund).toMatch(/^¥[\d,]+\.\d{2}$/);
    await closure.getByText(refund, { exact: true }).first().waitFor();
    await reviewer.shot('merchant-closed');
    expect(reviewer.problems).toEqual([]);
    await reviewer.close();

    // The merchant's open page learns the account is closed.
    await back.page.waitForSelector('[data-testid="deregistration-session-ended"]', {
      timeout: 30_000,
    });
    await back.shot('closed');
    expect(back.problems).toEqual([]);
    await back.close();
  });
});
