// `shoudan migrate`: applies pending database migrations and stops.
import {
  openRequest,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print } from './output.ts';

export function registerMigrateCommand(program: RootCommand, ctx: CliContext, run: RunState): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async (_opts, cmd) => {
      run.code = await withServices(ctx, openRequest(cmd.optsWithGlobals(), true), async (o) => {
        print(`Migrations applied: ${o.target.description}`);
        return EXIT.ok;
      });
    });
}
