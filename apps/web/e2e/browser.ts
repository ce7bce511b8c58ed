/// <reference lib="dom" />
// Chromium from Debian driven by playwright-core, with what every browser test checks: no console
// error or warning, no page error and no failed request (the browser logs a 4xx or 5xx answer as
// an error) — except answers a test declares it expects — and a screenshot of each screen, saved
// under apps/web/e2e/screenshots/<test>/ as the run's artefacts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Without the background-networking flags Chromium keeps dialling hosts this machine can't
 * reach. */
const ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export type Viewport = { readonly width: number; readonly height: number };

/** One person at one screen size: a context of their own (cookies), with its problems listed. */
export class Screen {
  readonly page: Page;
  readonly problems: string[] = [];
  private readonly expected: { status: number; path: RegExp }[] = [];
  private shots = 0;

  private readonly context: BrowserContext;
  private readonly dir: string;

  private constructor(context: BrowserContext, page: Page, dir: string) {
    this.context = context;
    this.dir = dir;
    this.page = page;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // A download the browser hands to its own saver is not a failure of the page.
      if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
      this.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const path = new URL(r.url()).pathname;
      const i = this.expected.findIndex((e) => e.status === r.status() && e.path.test(path));
      if (i >= 0) this.expected.splice(i, 1);
      else this.problems.push(`answer ${r.status()}: ${r.request().method()} ${path}`);
    });
  }

  static async open(
    browser: Browser,
    options: { baseURL: string; viewport: Viewport; dir: string },
  ) {
    const context = await browser.newContext({
      baseURL: options.baseURL,
      viewport: options.viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    const dir = join(SCREENSHOTS, options.dir);
    await mkdir(dir, { recursive: true });
    return new Screen(context, await context.newPage(), dir);
  }

  /** An error answer the next step provokes on purpose (so the console's line about it is fine). */
  expectAnswer(status: number, path: RegExp): void {
    this.expected.push({ status, path });
  }

  /** Saves the screen as <nn>-<name>.png; the whole page, animations stopped. */
  async shot(name: string): Promise<void> {
    this.shots += 1;
    const file = `${String(this.shots).padStart(2, '0')}-${name}.png`;
    await this.page.screenshot({
      path: join(this.dir, file),
      fullPage: true,
      animations: 'disabled',
    });
  }

  /** Whether the page is wider than the screen (a layout that does not fit a phone). */
  async overflowsX(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
