/// <reference lib="dom" />
// Steps the journeys share, each as a person does it in the browser: signing in to an area, and
// finding a row or a status by the test ids the pages carry.
import { businessDateOf, cutoffInstantOf, type BusinessDate, type CutoffTime } from '@shoudan/core';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'shoudan-demo';
/** The first demo merchant's cashier and owner; the n-th merchant's owner is 1380000000n. */
export const CASHIER = '13800000000';
export const ownerPhone = (n: number) => `138${String(n).padStart(8, '0')}`;

/** Signs in through the area's sign-in page, which sends the person on to `then`. */
export async function signIn(
  page: Page,
  side: 'merchant' | 'ops',
  login: string,
  then: string,
): Promise<void> {
  await page.goto(`/${side}/login?redirect=${encodeURIComponent(then)}`);
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === then.split('?')[0]);
}

/** Waits until an element's data-status is one of `statuses`; answers the one it reached. */
export async function statusOf(
  page: Page,
  testId: string,
  statuses: readonly string[],
  timeoutMs = 30_000,
): Promise<string> {
  const element = page.getByTestId(testId).first();
  await page.waitForFunction(
    ([id, wanted]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && wanted.includes(el.getAttribute('data-status') ?? '');
    },
    [testId, statuses] as const,
    { timeout: timeoutMs },
  );
  return (await element.getAttribute('data-status')) ?? '';
}

/** The open business date, and the milliseconds from now to a little past its cutoff. */
export function pastCutoff(
  now: Date,
  cutoffTime: CutoffTime,
  pastMs = 5 * 60_000,
): { readonly businessDate: BusinessDate; readonly ms: number } {
  const businessDate = businessDateOf(now, cutoffTime);
  const ms = cutoffInstantOf(businessDate, cutoffTime).getTime() - now.getTime() + pastMs;
  return { businessDate, ms };
}

/** On a POS screen: runs one menu operation to its result and answers whether it was approved. */
export async function posResult(page: Page): Promise<{ approved: boolean; voucherNo: string }> {
  const result = page.getByTestId('pos-result');
  await result.waitFor({ timeout: 60_000 });
  const approved = (await result.getAttribute('data-approved')) === 'true';
  const voucher = page.getByTestId('pos-slip-voucher');
  const voucherNo = approved && (await voucher.count()) > 0 ? await voucher.innerText() : '';
  return { approved, voucherNo: voucherNo.trim() };
}

/** From the result back to the POS's main menu. */
export async function posDone(page: Page): Promise<void> {
  await page.getByTestId('pos-confirm').click();
  await page.getByTestId('pos-menu-sale').waitFor();
}

/** 消费: the amount in yuan as typed, a test card picked by its key (debit, credit …). */
export async function posSale(page: Page, yuan: string, card: string) {
  await page.getByTestId('pos-menu-sale').click();
  await page.getByTestId('pos-amount').fill(yuan);
  await page.getByTestId(`pos-card-pick-${card}`).click();
  await page.getByTestId('pos-confirm').click();
  return posResult(page);
}

/** 交易管理 → 撤销交易 by voucher number, with the supervisor's password. */
export async function posVoid(page: Page, voucherNo: string) {
  await page.getByTestId('pos-menu-manage').click();
  await page.getByTestId('pos-menu-void').click();
  await page.getByTestId('pos-supervisor').fill(SUPERVISOR_PASSWORD);
  await page.getByTestId('pos-voucher').fill(voucherNo);
  await page.getByTestId('pos-confirm').click();
  return posResult(page);
}

/** The demo terminals' supervisor password (主管密码). */
export const SUPERVISOR_PASSWORD = '123456';

/** Opens the virtual POS on a terminal and signs it in (签到). */
export async function posOpen(page: Page, terminalId: string): Promise<void> {
  await page.goto('/pos');
  await page.getByTestId(`pos-terminal-${terminalId}`).click();
  await page.getByTestId('pos-menu-sign-in').click();
  const signedIn = await posResult(page);
  if (!signedIn.approved) throw new Error(`terminal ${terminalId} did not sign in`);
  await posDone(page);
}

/** In the ops console: opens the newest submitted application of `kind` and approves it. */
export async function approveNewest(page: Page, kind: string, comment: string): Promise<string> {
  await page.goto(`/ops/reviews?kind=${kind}&status=submitted`);
  const open = page.locator('[data-testid^="review-open-"]').first();
  await open.waitFor();
  await open.click();
  await page.getByTestId('review-comment').fill(comment);
  await page.getByTestId('review-approve').click();
  await page.getByTestId('review-confirm').click();
  return statusOf(page, 'review-status', ['executed', 'approved']);
}
