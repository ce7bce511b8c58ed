// The whole platform for the browser tests, in this process: an in-memory PGlite with the demo
// data, the gateway and the HTTP API with the built web app on free ports, on a clock that runs
// with real time and can jump past a cutoff. Its log lines are kept for the tests to search.
import { Writable } from 'node:stream';
import { createIds, ShiftedClock } from '@shoudan/core';
import { seedDemoData } from '../../server/src/cli/seed.ts';
import { loadConfig } from '../../server/src/config.ts';
import { databaseTarget, openTarget } from '../../server/src/database.ts';
import { resolveKeys } from '../../server/src/keys/master-key.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startPlatform } from '../../server/src/platform.ts';
import { createServices, type Services } from '../../server/src/services.ts';
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
