// The `shoudan` command line: global flags, every subcommand, and the mapping of commander's
// own errors (unknown option, bad value, missing argument) to exit code 2.
import { CommanderError } from '@commander-js/extra-typings';
import { registerLedgerCommands } from './ledger.ts';
import { registerMigrateCommand } from './migrate.ts';
import { EXIT, type ExitCode } from './output.ts';
import { registerPosCommand } from './pos.ts';
import { registerSeedCommand } from './seed.ts';
import { registerServeCommand } from './serve.ts';
import { registerSettlementCommands } from './settlement.ts';
import { registerStatementCommand } from './statement.ts';
import { registerTerminalCommands } from './terminal.ts';
import { createRootCommand, type CliContext, type RunState } from './context.ts';

export function createProgram(ctx: CliContext, run: RunState) {
  const program = createRootCommand();
  registerServeCommand(program, ctx, run);
  registerMigrateCommand(program, ctx, run);
  registerSeedCommand(program, ctx, run);
  registerSettlementCommands(program, ctx, run);
  registerStatementCommand(program, ctx, run);
  registerLedgerCommands(program, ctx, run);
  registerTerminalCommands(program, ctx, run);
  registerPosCommand(program, ctx, run);
  return program;
}

/** Runs the command line `argv` (as process.argv: node, script, args…); returns the exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  const run: RunState = { code: EXIT.ok };
  try {
    await createProgram(ctx, run).parseAsync([...argv]);
  } catch (error) {
    // Commander has already printed its message; help and version are not failures.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return run.code;
}
