// Goal: the first journey of the issue. A cashier voids a sale on the virtual POS while its batch
// is open (by voucher number, and picked by time), and a void after the cutoff is refused with
// the hint to refund instead; the cutoff itself is run by ops in the console. Method: the
// platform in-process, Chromium through playwright-core at 1280×800 and 390×844, screenshots.
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, Screen, type Viewport } from './browser.ts';
import { e2eSuite } from './platform.ts';
import {
  CASHIER,
  pastCutoff,
  posDone,
  posOpen,
  posResult,
  posSale,
  posVoid,
  signIn,
  statusOf,
  SUPERVISOR_PASSWORD,
} from './steps.ts';

/** The first demo merchant's second terminal; the demo POS of `npm start` leaves it free. */
const TERMINAL = '31000102';

const suite = e2eSuite();

async function cashierScreen(viewport: Viewport, dir: string): Promise<Screen> {
  const screen = await suite.open(viewport, dir);
  await signIn(screen.page, 'merchant', CASHIER, '/pos');
  return screen;
}

describe('a cashier voids a sale on the virtual POS', () => {
  const vouchers: string[] = [];

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('voids by voucher number and by time on a %s', async (name, viewport) => {
    const screen = await cashierScreen(viewport, `void-sale-${name}`);
    const { page } = screen;
    await screen.shot('terminals');
    await posOpen(page, TERMINAL);
    await screen.shot('signed-in');
    const sale = await posSale(page, '88.00', 'debit');
    expect(sale.approved).toBe(true);
    expect(await page.getByTestId('pos-slip-card').innerText()).toMatch(/^622202\*{6}0001\b/);
    await screen.shot('sale-slip');
    await posDone(page);
    const voided = await posVoid(page, sale.voucherNo);
    expect(voided.approved).toBe(true);
    expect(await page.getByTestId('pos-slip-kind').innerText()).toContain('撤销');
    await screen.shot('void-slip');
    await posDone(page);
    // Voided twice: the terminal itself refuses, before anything is sent.
    const again = await posVoid(page, sale.voucherNo);
    expect(again.approved).toBe(false);
    await screen.shot('void-again-refused');
    await posDone(page);
    // 撤销 by time: the sale picked from the open batch's list.
    const second = await posSale(page, '36.50', 'debit');
    await posDone(page);
    await page.getByTestId('pos-menu-manage').click();
    await page.getByTestId('pos-menu-void').click();
    await page.getByTestId('pos-supervisor').fill(SUPERVISOR_PASSWORD);
    await page.getByTestId('pos-menu-void-by-time').click();
    await page.getByTestId(`pos-voidable-${second.voucherNo}`).click();
    await expect(page.getByTestId('pos-void-original').innerText()).resolves.toContain('36.50');
    await screen.shot('void-by-time');
    await page.getByTestId('pos-confirm').click();
    expect((await posResult(page)).approved).toBe(true);
    await posDone(page);
    // A sale left standing for after the cutoff.
    const standing = await posSale(page, '120.00', 'debit');
    expect(standing.approved).toBe(true);
    vouchers.push(standing.voucherNo);
    expect(await screen.overflowsX()).toBe(false);
    expect(screen.problems).toEqual([]);
    await screen.close();
  });

  it('refuses a void after the cutoff, with the hint to refund instead', async () => {
    const { config, clock } = suite.platform.services;
    const jump = pastCutoff(clock.now(), config.cutoffTime);
    suite.platform.clock.advance(jump.ms);
    // Ops cut the business date off from the console.
    const ops = await suite.open(DESKTOP, 'void-after-cutoff-ops');
    await signIn(ops.page, 'ops', 'ops', '/ops/runs');
    expect(await statusOf(ops.page, `runs-date-${jump.businessDate}`, ['due'])).toBe('due');
    await ops.shot('cutoff-due');
    await ops.page.getByTestId(`runs-cutoff-${jump.businessDate}`).click();
    await ops.page.getByTestId('run-status').waitFor();
    expect(await statusOf(ops.page, 'run-status', ['completed'])).toBe('completed');
    await ops.shot('cutoff-completed');
    expect(ops.problems).toEqual([]);
    await ops.close();
    // The cashier's session ended while the shop was closed: a new day, a new sign-in.
    const screen = await cashierScreen(DESKTOP, 'void-after-cutoff-pos');
    const { page } = screen;
    await posOpen(page, TERMINAL);
    const refused = await posVoid(page, vouchers[0] ?? '');
    expect(refused.approved).toBe(false);
    const hint = await page.getByTestId('pos-hint').innerText();
    expect(hint).toContain('退货');
    await screen.shot('void-after-cutoff-refused');
    expect(screen.problems).toEqual([]);
    await screen.close();
  });
});
