// Goal: every page of the four areas opens without a console error, fits a 1280×800 and a
// 390×844 screen without sideways scrolling, and shows no untranslated string key, in Chinese on
// a desktop and in English on a phone. Method: the platform in-process, Chromium, a screenshot of
// each page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, Screen, type Viewport } from './browser.ts';
import { e2eSuite } from './platform.ts';
import { ownerPhone, signIn } from './steps.ts';

const MERCHANT_PAGES = [
  '/merchant',
  '/merchant/transactions',
  '/merchant/settlements',
  '/merchant/account/deregistration',
  '/merchant/services',
  '/merchant/applications',
  '/merchant/terminals',
  '/merchant/rate-changes',
  '/merchant/tickets',
  '/merchant/notifications',
  '/merchant/webhooks',
  '/merchant/api-keys',
  '/pos',
];
const OPS_PAGES = [
  '/ops',
  '/ops/reviews',
  '/ops/merchants',
  '/ops/terminals',
  '/ops/inventory',
  '/ops/rate-changes',
  '/ops/runs',
  '/ops/ledger',
  '/ops/audit',
  '/ops/tickets',
];
const APPLICANT_PAGES = ['/apply', '/apply/individual', '/apply/enterprise', '/apply/status'];

/** What i18next shows for a key it has no string for: `namespace:key.path`. */
const UNTRANSLATED = /\b[a-z-]+(\.[a-z-]+)*:[a-z][A-Za-z]*(\.[A-Za-z]+)+\b/;

const suite = e2eSuite();

async function visit(screen: Screen, paths: readonly string[]): Promise<void> {
  const page: Page = screen.page;
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await screen.shot(path.slice(1).replaceAll('/', '-'));
    expect({ path, overflows: await screen.overflowsX() }).toEqual({ path, overflows: false });
    const text = await page.locator('body').innerText();
    expect({ path, untranslated: UNTRANSLATED.exec(text)?.[0] ?? null }).toEqual({
      path,
      untranslated: null,
    });
  }
}

async function english(screen: Screen): Promise<void> {
  await screen.page.getByTestId('language-switch').first().click();
  await screen.page.waitForFunction(() => document.documentElement.lang === 'en');
}

describe.each([
  ['desktop', DESKTOP, 'zh'],
  ['phone', PHONE, 'en'],
] as const)('every page on a %s', (name, viewport: Viewport, language) => {
  const open = (area: string) => suite.open(viewport, `pages-${name}-${area}`);

  it('of the merchant portal and the virtual POS', async () => {
    const screen = await open('merchant');
    await signIn(screen.page, 'merchant', ownerPhone(1), '/merchant');
    if (language === 'en') await english(screen);
    await visit(screen, MERCHANT_PAGES);
    expect(screen.problems).toEqual([]);
    await screen.close();
  });

  it('of the ops console', async () => {
    const screen = await open('ops');
    await signIn(screen.page, 'ops', 'admin', '/ops');
    if (language === 'en') await english(screen);
    await visit(screen, OPS_PAGES);
    expect(screen.problems).toEqual([]);
    await screen.close();
  });

  it('for applicants', async () => {
    const screen = await open('apply');
    await screen.page.goto('/apply');
    if (language === 'en') await english(screen);
    await visit(screen, APPLICANT_PAGES);
    expect(screen.problems).toEqual([]);
    await screen.close();
  });
});
