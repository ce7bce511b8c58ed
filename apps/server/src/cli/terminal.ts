// `shoudan terminal keys`: key loading for one terminal (a new one, or a TMK to replace): a new
// TMK generated in the security module and stored under the LMK, and its clear form written to a
// key-loading file (mode 0600) — the demo stand-in for the key-injection ceremony.
import { resolve } from 'node:path';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import type { MacAlgorithmName } from '@shoudan/db';
import { loadTerminalMasterKeys, writeKeyLoadingFile } from '../keys/key-loading.ts';
import { requireKeys } from '../services.ts';
import {
  openRequest,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, printError } from './output.ts';

function terminalIdOption(text: string): string {
  if (!/^[0-9A-Za-z]{8}$/.test(text))
    throw new InvalidArgumentError('must be an 8-character 终端号');
  return text;
}

function macAlgorithmOption(text: string): MacAlgorithmName {
  if (text !== 'cup-ecb' && text !== 'x919') throw new InvalidArgumentError('cup-ecb or x919');
  return text;
}

export function registerTerminalCommands(
  program: RootCommand,
  ctx: CliContext,
  run: RunState,
): void {
  const terminal = program.command('terminal').description('terminal administration');
  terminal
    .command('keys')
    .description('load a new master key (TMK) into a terminal and write its key-loading file')
    .requiredOption('--terminal <id>', 'terminal id (终端号)', terminalIdOption)
    .option('--out <file>', 'key-loading file (default <data dir>/terminal-keys.json)')
    .option('--mac-algorithm <name>', 'cup-ecb (default) or x919', macAlgorithmOption)
    .action(async (opts, cmd) => {
      const request = { ...openRequest(cmd.optsWithGlobals(), true), keys: true };
      run.code = await withServices(ctx, request, async ({ services }) => {
        const { hsm, resolved } = requireKeys(services);
        const found = await services.terminalKeys.gatewayTerminal(opts.terminal);
        if (!found) {
          printError(`No terminal ${opts.terminal}.`);
          return EXIT.failed;
        }
        const file = opts.out === undefined ? resolved.keyLoadingFile : resolve(opts.out);
        if (file === null) {
          printError('A --memory database ends with this command: give --out to keep the key.');
          return EXIT.usage;
        }
        const deps = { hsm, store: services.terminalKeys, clock: services.clock };
        const input = { terminalId: opts.terminal, macAlgorithm: opts.macAlgorithm };
        const entries = await loadTerminalMasterKeys(deps, [input]);
        await writeKeyLoadingFile(file, entries, { merge: true });
        const entry = entries[opts.terminal];
        services.logger.info({ event: 'terminal.tmk_loaded', terminalId: opts.terminal });
        const kcv = entry?.kcv ?? '?';
        const mac = entry?.macAlgorithm ?? '?';
        print(`Terminal ${opts.terminal}: new master key loaded (KCV ${kcv}, MAC ${mac}).`);
        print(
          `  Key-loading file ${file} (mode 0600). Demo stand-in for key injection: it holds the`,
        );
        print('  clear TMK, so keep it secret. The terminal must sign in again for working keys.');
        return EXIT.ok;
      });
    });
}
