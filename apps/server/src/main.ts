// The composition root and entry point of the `shoudan` command: reads the configuration once,
// builds { config, clock, ids, db, logger } and hands the services to the command line.
import { createIds, systemClock } from '@shoudan/core';
import { runCli } from './cli/program.ts';
import { EXIT, printError, type ExitCode } from './cli/output.ts';
import type { CliContext, OpenRequest, Opened } from './cli/context.ts';
import { ConfigError, loadConfig, overrideConfig, type Config } from './config.ts';
import { databaseTarget, openTarget } from './database.ts';
import { resolveKeys } from './keys/master-key.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServices } from './services.ts';

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<ExitCode> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    printError(error.message);
    return EXIT.usage;
  }
  const logger = createLogger({ level: config.logLevel });
  const clock = systemClock;
  const ids = createIds(clock);
  const ctx: CliContext = {
    config,
    logger,
    clock,
    open: async (request: OpenRequest): Promise<Opened> => {
      const effective = overrideConfig(config, request.overrides ?? {});
      const target = databaseTarget(effective, { memory: request.memory });
      // Before the database opens: a missing master key is a configuration error, not a crash.
      const keys = request.keys ? await resolveKeys({ config: effective, target }) : undefined;
      for (const warning of keys?.warnings ?? []) {
        logger.warn({ event: 'master_key.exposed' }, warning);
      }
      const db = await openTarget(target);
      try {
        if (request.migrate) await db.migrate();
      } catch (error) {
        await db.close();
        throw error;
      }
      const services = createServices({ config: effective, clock, ids, db, logger, keys });
      return { services, target };
    },
  };
  return runCli(argv, ctx).catch((error: unknown) => failed(logger, error));
}

/** A defect or an unreachable database: logged in full, summarized for the person at the prompt. */
function failed(logger: Logger, error: unknown): ExitCode {
  // A configuration found wrong while opening (a missing master key): a usage error, not a defect.
  if (error instanceof ConfigError) {
    printError(error.message);
    return EXIT.usage;
  }
  logger.error({ event: 'cli.failed', err: error }, 'command failed');
  printError(`shoudan: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failed;
}

process.exitCode = await main(process.argv, process.env);
