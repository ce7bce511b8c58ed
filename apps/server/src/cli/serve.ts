// `shoudan serve`: opens and migrates the database, loads the keys, seeds demo data into an empty
// one, starts the ISO 8583 gateway, the HTTP API and the cutoff scheduler, and stops
// cleanly on SIGINT or SIGTERM (the gateway first, so requests in progress are answered).
import { businessDateOf } from '@shoudan/core';
import { platform } from '@shoudan/db';
import type { Gateway } from '../gateway/gateway.ts';
import type { HttpServer } from '../http/app.ts';
import { DEFAULT_WEB_ROOT } from '../http/web.ts';
import { merchantDirectory } from '../queries.ts';
import { DEMO_PASSWORD, DEMO_STAFF, demoPhone } from '../seed/demo-users.ts';
import { startPlatform } from '../platform.ts';
import { requireKeys, type KeyServices, type Services } from '../services.ts';
import {
  openRequest,
  portOption,
  withServices,
  type CliContext,
  type Opened,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, type ExitCode } from './output.ts';
import { seedWithProgress } from './seed.ts';

/** Merchants listed at start; the rest are counted. */
const MERCHANTS_SHOWN_MAX = 12;

export function registerServeCommand(program: RootCommand, ctx: CliContext, run: RunState): void {
  program
    .command('serve')
    .description('run the server (8583 gateway, HTTP status, cutoff); seeds demo data when empty')
    .option('--port <n>', 'HTTP port, 0 for any free port (env PORT)', portOption)
    .option('--gateway-port <n>', 'ISO 8583 gateway port, 0 for any (env GATEWAY_PORT)', portOption)
    .option('--no-seed', 'do not seed demo data into an empty database')
    .action(async (opts, cmd) => {
      const request = openRequest(cmd.optsWithGlobals(), true);
      const overrides = {
        ...request.overrides,
        httpPort: opts.port,
        gatewayPort: opts.gatewayPort,
      };
      run.code = await withServices(ctx, { ...request, overrides, keys: true }, (opened) =>
        serve(opened, { seed: opts.seed }),
      );
    });
}

async function serve(opened: Opened, options: { readonly seed: boolean }): Promise<ExitCode> {
  const { services, target } = opened;
  const { logger } = services;
  const keys = requireKeys(services);
  const running = await startPlatform(services, {
    databaseDescription: target.description,
    webRoot: DEFAULT_WEB_ROOT,
    ...(options.seed ? { beforeStart: () => seedWithProgress(services, {}) } : {}),
  });
  try {
    // Catch up at once on any date whose cutoff passed while the server was down.
    void running.scheduler.runOnce();
    const { http, gateway } = running;
    await printStarted(services, { http, gateway, keys }, target.description);
    logger.info({ event: 'server.started', url: http.url, gateway: gateway.address });
    const signal = await nextStopSignal();
    logger.info({ event: 'server.stopping', signal });
  } finally {
    await running.close();
  }
  logger.info({ event: 'server.stopped' });
  return EXIT.ok;
}

function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const MASTER_KEY_ORIGINS = {
  config: 'from SHOUDAN_MASTER_KEY',
  file: 'from',
  generated: 'generated into',
  process: 'random for this process (--memory)',
} as const;

/** The demo sign-ins, when the demo staff exist (the database was seeded with demo data). */
async function printDemoLogins(services: Services): Promise<void> {
  const found = await platform.identity.findLoginAccount(services.db, 'staff', 'reviewer');
  if (!found) return;
  print(`  Demo sign-ins (password ${DEMO_PASSWORD}):`);
  print(`    merchant owners  phone ${demoPhone(1)} … ${demoPhone(6)} (POST /v1/merchant/session)`);
  print(`    cashier          phone ${demoPhone(0)}`);
  const staff = DEMO_STAFF.map((s) => s.username).join(', ');
  print(`    staff            ${staff} (POST /v1/staff/session)`);
}

type Started = {
  readonly http: HttpServer;
  readonly gateway: Gateway;
  readonly keys: KeyServices;
};

async function printStarted(services: Services, started: Started, database: string) {
  const { config } = services;
  const { http, gateway, keys } = started;
  const now = services.clock.now();
  const seconds = Math.round(config.cutoffCheckIntervalMs / 1000);
  const { origin, masterKeyFile, keyLoadingFile } = keys.resolved;
  const keyOrigin = `${MASTER_KEY_ORIGINS[origin]}${masterKeyFile ? ` ${masterKeyFile}` : ''}`;
  print('Shoudan (收单) is running.');
  print(`  Web           ${http.url}/`);
  print(`    商户平台 merchant portal  ${http.url}/merchant`);
  print(`    运营后台 ops console      ${http.url}/ops`);
  print(`    虚拟POS virtual POS      ${http.url}/pos`);
  print(`    申请POS apply for a POS  ${http.url}/apply`);
  print(`  API           ${http.url}/v1  (OpenAPI and Swagger UI at ${http.url}/docs)`);
  print(`  Health        ${http.url}/health`);
  print(`  Status        ${http.url}/status`);
  print(`  Gateway       ${gateway.address} (ISO 8583, UnionPay POS dialect, over TCP)`);
  print(`  Database      ${database}`);
  print(`  Master key    check value ${keys.hsm.masterKeyCheckValue}, ${keyOrigin}`);
  if (keyLoadingFile) print(`  Terminal keys ${keyLoadingFile} (demo key loading for shoudan pos)`);
  print(
    `  Business date ${businessDateOf(now, config.cutoffTime)} ` +
      `(cutoff ${config.cutoffTime} Asia/Shanghai, checked every ${seconds} s)`,
  );
  const directory = await merchantDirectory(services.db, MERCHANTS_SHOWN_MAX + 1);
  const heading = '  Demo merchants (商户号, name, terminals 终端号):';
  print(directory.length > 0 ? heading : '  No merchants yet.');
  for (const m of directory.slice(0, MERCHANTS_SHOWN_MAX)) {
    print(`    ${m.merchantNo}  ${m.name}  [${m.terminalIds.join(', ')}]`);
  }
  if (directory.length > MERCHANTS_SHOWN_MAX) print('    … and more (see /status for counts)');
  const free = directory[0]?.terminalIds[1];
  if (keyLoadingFile && free) {
    print(`  Try a POS     npm run shoudan -- pos --terminal ${free}   (another terminal)`);
  }
  await printDemoLogins(services);
  print('  Press Ctrl+C to stop.');
}
