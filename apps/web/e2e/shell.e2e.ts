// Goal: the web app is served on the API's port, signs people in to the right area, switches
// language (our strings and antd's), and fits a desktop and a phone screen. Method: the platform
// in-process, Chromium through playwright-core, screenshots of each screen.
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser.ts';
import { e2eSuite } from './platform.ts';
import { DEMO_PASSWORD, ownerPhone } from './steps.ts';

const suite = e2eSuite();

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the shell on a %s', (name, viewport) => {
  it('sends a stranger to sign in, and back to the page after signing in', async () => {
    const screen = await suite.open(viewport, `shell-${name}`);
    const { page } = screen;
    await page.goto('/');
    await expect(page.getByTestId('home-merchant').innerText()).resolves.toContain('商户平台');
    await screen.shot('home');
    await page.goto('/merchant');
    await page.waitForURL(/\/merchant\/login\?redirect=/);
    await screen.shot('sign-in');
    await page.getByTestId('sign-in-submit').click();
    const explained = page.locator('.ant-form-item-explain-error').first();
    await expect(explained.innerText()).resolves.toContain('请填写手机号');
    await expect(page.getByTestId('sign-in-login').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await page.getByTestId('sign-in-login').fill(ownerPhone(1));
    await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(/\/merchant$/);
    await screen.shot('merchant-home');
    expect(await screen.overflowsX()).toBe(false);
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await screen.shot('merchant-home-en');
    expect(screen.problems).toEqual([]);
    await screen.close();
  });
});

describe('the API and the pages on one port', () => {
  it('answers an app route with the page, and an unknown API route with JSON', async () => {
    const page = await fetch(`${suite.platform.url}/ops/reviews`, {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${suite.platform.url}/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect((await api.json()).code).toBe('route_not_found');
  });
});
