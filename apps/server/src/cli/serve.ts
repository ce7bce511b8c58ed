// `shoudan serve`: opens and migrates the database, seeds demo data into an empty one, starts the
// HTTP status server and the cutoff scheduler, and stops cleanly on SIGINT or SIGTERM.
import { businessDateOf } from '@shoudan/core';
import { startCutoffScheduler } from '../cutoff-scheduler.ts';
import { startStatusServer, type StatusServer } from '../http/status-server.ts';
import { merchantDirectory } from '../queries.ts';
import type { Services } from '../services.ts';
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
    .description('run the server (HTTP status, cutoff scheduler); seeds demo data when empty')
    .option('--port <n>', 'HTTP port, 0 for any free port (env PORT)', portOption)
    .option('--no-seed', 'do not seed demo data into an empty database')
    .action(async (opts, cmd) => {
      const request = openRequest(cmd.optsWithGlobals(), true);
      const overrides = { ...request.overrides, httpPort: opts.port };
      run.code = await withServices(ctx, { ...request, overrides }, (opened) =>
        serve(opened, { seed: opts.seed }),
      );
    });
}

async function serve(opened: Opened, options: { readonly seed: boolean }): Promise<ExitCode> {
  const { services, target } = opened;
  const { config, logger } = services;
  if (options.seed) await seedWithProgress(services, {});
  const http = await startStatusServer(services, {
    host: config.httpHost,
    port: config.httpPort,
    databaseDescription: target.description,
  });
  const scheduler = startCutoffScheduler(services);
  try {
    // Catch up at once on any date whose cutoff passed while the server was down.
    void scheduler.runOnce();
    await printStarted(services, http, target.description);
    logger.info({ event: 'server.started', url: http.url, database: services.database.kind });
    const signal = await nextStopSignal();
    logger.info({ event: 'server.stopping', signal });
  } finally {
    await scheduler.stop();
    await http.close();
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

async function printStarted(services: Services, http: StatusServer, database: string) {
  const { config } = services;
  const now = services.clock.now();
  const seconds = Math.round(config.cutoffCheckIntervalMs / 1000);
  print('Shoudan (收单) is running.');
  print(`  Health        ${http.url}/health`);
  print(`  Status        ${http.url}/status`);
  print(`  Database      ${database}`);
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
  print('  Merchant portal logins come with the web issue: there are no user accounts yet.');
  print('  Press Ctrl+C to stop.');
}
