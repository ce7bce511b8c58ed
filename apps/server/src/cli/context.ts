// What every command gets from the composition root, the shared option parsers, and the helper
// that opens the services for one command and always closes them.
import { Command, InvalidArgumentError } from '@commander-js/extra-typings';
import { isBusinessDate, type Clock } from '@shoudan/core';
import { LIMITS, type Config } from '../config.ts';
import type { DatabaseTarget } from '../database.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services.ts';
import type { ExitCode } from './output.ts';

export type OpenRequest = {
  /** A throwaway in-memory database instead of the configured one. */
  readonly memory: boolean;
  /** Apply pending migrations first. */
  readonly migrate: boolean;
  /** Settings the command line replaces. */
  readonly overrides?: Partial<Config>;
  /**
   * Load the master key and the security module (serve, seed, terminal keys): on PostgreSQL
   * without SHOUDAN_MASTER_KEY this fails with a configuration error.
   */
  readonly keys?: boolean;
};

export type Opened = { readonly services: Services; readonly target: DatabaseTarget };

export type CliContext = {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  open(request: OpenRequest): Promise<Opened>;
};

/** The exit code the command chose; commands set it, the runner returns it. */
export type RunState = { code: ExitCode };

/** The `shoudan` command with the global flags every subcommand may take. */
export function createRootCommand() {
  return new Command('shoudan')
    .description('Shoudan (收单): card acquiring server, demo data, cutoff, settlement and checks')
    .option('--memory', 'use a throwaway in-memory database (PGlite)')
    .option('--data-dir <dir>', 'directory of the embedded database (env SHOUDAN_DATA_DIR)')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
}

export type RootCommand = ReturnType<typeof createRootCommand>;

export type GlobalFlags = ReturnType<RootCommand['opts']>;

/** Opens the services for one piece of work and closes them whatever happens. */
export async function withServices(
  ctx: CliContext,
  request: OpenRequest,
  work: (opened: Opened) => Promise<ExitCode>,
): Promise<ExitCode> {
  const opened = await ctx.open(request);
  try {
    return await work(opened);
  } finally {
    await opened.services.close();
  }
}

export function openRequest(flags: GlobalFlags, migrate: boolean): OpenRequest {
  const overrides = flags.dataDir === undefined ? {} : { dataDir: flags.dataDir };
  // A throwaway database is empty: it always needs the schema.
  return { memory: flags.memory === true, migrate: migrate || flags.memory === true, overrides };
}

/** A parser for a whole-number option within [min, max] `unit`. */
export function wholeNumberOption(min: number, max: number, unit: string) {
  return (text: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max} (${unit})`);
    }
    return Number(text);
  };
}

export const portOption = wholeNumberOption(
  LIMITS.portMin,
  LIMITS.portMax,
  'TCP port; 0 = any free port',
);

export function businessDateOption(text: string): string {
  if (!isBusinessDate(text)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return text;
}

export function merchantNoOption(text: string): string {
  if (!/^\d{15}$/.test(text)) throw new InvalidArgumentError('must be a 15-digit merchant number');
  return text;
}
