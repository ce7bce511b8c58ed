/// <reference lib="dom" />
// Steps the journeys share, each as a person does it in the browser: signing in to an area, and
// finding a row or a status by the test ids the pages carry.
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
