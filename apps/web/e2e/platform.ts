// The whole platform for the browser tests, in this process: an in-memory PGlite with the demo
// data, the gateway and the HTTP API with the built web app on free ports, on a clock that runs
// with real time and can jump past a cutoff. Its log lines are kept for the tests to search.
// `e2eSuite` gives a test file one such platform and one Chromium.
import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createIds, ShiftedClock } from '@shoudan/core';
import { seedDemoData } from '../../server/src/cli/seed.ts';
import { loadConfig } from '../../server/src/config.ts';
import { databaseTarget, openTarget } from '../../server/src/database.ts';
import { resolveKeys } from '../../server/src/keys/master-key.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startPlatform } from '../../server/src/platform.ts';
import { createServices, type Services } from '../../server/src/services.ts';
import { launchBrowser, Screen, type Viewport } from './browser.ts';
import { E2E_WEB_ROOT } from './web-root.ts';

export type E2ePlatform = {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly clock: ShiftedClock;
  readonly services: Services;
  /** Every JSON log line the platform wrote. */
  readonly logLines: string[];
  close(): Promise<void>;
};

export async function startE2ePlatform(): Promise<E2ePlatform> {
  const config = loadConfig({
    PORT: '0',
    GATEWAY_PORT: '0',
    LOG_LEVEL: 'info',
    // Cheaper password hashes for the demo users; the cost is a setting.
    PASSWORD_SCRYPT_LOG2_N: '12',
    // The tests start every cutoff from the ops console; the scheduler stays out of their way.
    CUTOFF_CHECK_INTERVAL_MS: '3600000',
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: config.logLevel, destination });
  const clock = new ShiftedClock();
  const ids = createIds(clock);
  const target = databaseTarget(config, { memory: true });
  const keys = await resolveKeys({ config, target });
  const db = await openTarget(target);
  await db.migrate();
  const services = createServices({ config, clock, ids, db, logger, keys });
  try {
    const platform = await startPlatform(services, {
      databaseDescription: target.description,
      webRoot: E2E_WEB_ROOT,
      beforeStart: () => seedDemoData(services, {}),
    });
    return {
      url: platform.http.url,
      clock,
      services,
      logLines,
      close: async () => {
        await platform.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

export type E2eSuite = {
  readonly platform: E2ePlatform;
  readonly browser: Browser;
  /** A person's screen on this platform (a browser context of their own). */
  open(viewport: Viewport, dir: string): Promise<Screen>;
};

/** One platform and one Chromium for a test file: started before its tests, stopped after. */
export function e2eSuite(): E2eSuite {
  let platform: E2ePlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    platform = await startE2ePlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite has not started: use it inside a test');
    return value;
  };
  return {
    get platform() {
      return started(platform);
    },
    get browser() {
      return started(browser);
    },
    open(viewport, dir) {
      const baseURL = started(platform).url;
      return Screen.open(started(browser), { baseURL, viewport, dir });
    },
  };
}
