// `shoudan pos`: an interactive CUP POS terminal over TCP — the menu of a real POS in Chinese
// (English with --lang en), keys from the key-loading file, state kept in the data directory.
import { join } from 'node:path';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import {
  createTerminal,
  type SignInCode,
  type SlipLanguage,
  type TerminalClock,
} from '@shoudan/terminal';
import {
  merchantNoOption,
  portOption,
  wholeNumberOption,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, printError, type ExitCode } from './output.ts';
import { readTerminalKeys } from './pos/key-file.ts';
import { runMenu, showEvent } from './pos/menu.ts';
import { createPrompt } from './pos/prompt.ts';
import { readStateFile, stateFilePath, writeStateFile } from './pos/state-file.ts';

export const KEY_FILE_NAME = 'terminal-keys.json';
const SECOND_MS = 1_000;

export type PosOptions = {
  readonly terminal: string;
  /** Replaces the key file's merchant number (or stands in for it). */
  readonly merchant: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly keys: string;
  readonly dataDir: string;
  readonly lang: SlipLanguage;
  readonly supervisorPassword: string;
  readonly replyTimeoutMs: number;
  readonly signInCode: SignInCode | undefined;
  readonly operator: string;
  readonly merchantName: string | undefined;
  readonly clock: TerminalClock;
};

function terminalIdOption(text: string): string {
  if (!/^[0-9A-Za-z]{8}$/.test(text)) throw new InvalidArgumentError('must be 8 letters or digits');
  return text;
}

function langOption(text: string): SlipLanguage {
  if (text !== 'zh' && text !== 'en') throw new InvalidArgumentError('must be zh or en');
  return text;
}

function signInCodeOption(text: string): SignInCode {
  if (text !== '001' && text !== '003' && text !== '004') {
    throw new InvalidArgumentError('must be 001, 003 or 004');
  }
  return text;
}

function operatorOption(text: string): string {
  if (!/^[0-9A-Za-z]{1,3}$/.test(text)) throw new InvalidArgumentError('must be 1–3 characters');
  return text;
}

export function registerPosCommand(program: RootCommand, ctx: CliContext, run: RunState): void {
  program
    .command('pos')
    .description('POS terminal simulator (POS终端): sign-in, sale, void, refund, settlement')
    .requiredOption('--terminal <id>', '8-character terminal id (终端号)', terminalIdOption)
    .option(
      '--merchant <merchantNo>',
      'merchant number (default from the key file)',
      merchantNoOption,
    )
    .option('--host <host>', 'gateway host', '127.0.0.1')
    .option('--port <port>', 'gateway TCP port (default GATEWAY_PORT, 5800)', portOption)
    .option('--keys <file>', `key-loading file (default <data-dir>/${KEY_FILE_NAME})`)
    .option('--lang <lang>', 'screen and slips: zh or en', langOption, 'zh' as SlipLanguage)
    .option('--supervisor-password <password>', '主管密码 for voids and refunds', '123456')
    .option('--timeout <seconds>', 'reply timeout (default 60)', wholeNumberOption(1, 600, 's'))
    .option('--sign-in-code <code>', '60.3 of the sign-in: 001, 003 or 004', signInCodeOption)
    .option('--operator <no>', 'operator number (操作员号)', operatorOption, '01')
    .option('--merchant-name <name>', 'merchant name on the slip (default from the key file)')
    .action(async (opts, cmd) => {
      const dataDir = cmd.optsWithGlobals().dataDir ?? ctx.config.dataDir;
      run.code = await runPos({
        terminal: opts.terminal,
        merchant: opts.merchant,
        host: opts.host,
        port: opts.port ?? ctx.config.gatewayPort,
        keys: opts.keys ?? join(dataDir, KEY_FILE_NAME),
        dataDir,
        lang: opts.lang,
        supervisorPassword: opts.supervisorPassword,
        replyTimeoutMs: (opts.timeout ?? 60) * SECOND_MS,
        signInCode: opts.signInCode,
        operator: opts.operator,
        merchantName: opts.merchantName,
        clock: ctx.clock,
      });
    });
}

/** Loads keys and state, then runs the menu on stdin/stdout until 0 or the end of input. */
export async function runPos(options: PosOptions): Promise<ExitCode> {
  const keys = await readTerminalKeys(options.keys, options.terminal);
  if (!keys.ok) {
    printError(`shoudan pos: ${keys.problem}`);
    return EXIT.usage;
  }
  const statePath = stateFilePath(options.dataDir, options.terminal);
  const saved = await readStateFile(statePath);
  if (!saved.ok) {
    printError(`shoudan pos: ${saved.problem}`);
    return EXIT.usage;
  }
  const { entry } = keys;
  const merchantNo = options.merchant ?? entry.merchantNo;
  if (merchantNo === undefined) {
    printError(
      `shoudan pos: no merchantNo for ${options.terminal} in ${options.keys}: add --merchant`,
    );
    return EXIT.usage;
  }
  const lang = options.lang;
  const terminal = createTerminal({
    terminalId: options.terminal,
    merchantNo,
    merchantName: options.merchantName ?? entry.merchantName ?? '',
    tmk: { scheme: entry.scheme, clearKeyHex: entry.clearKeyHex.toUpperCase() },
    host: options.host,
    port: options.port,
    macAlgorithm: entry.macAlgorithm,
    clock: options.clock,
    ...(saved.state === undefined ? {} : { state: saved.state }),
    persist: (state) => writeStateFile(statePath, state),
    replyTimeoutMs: options.replyTimeoutMs,
    operatorNo: options.operator,
    onEvent: (event) => showEvent({ lang }, event),
  });
  const prompt = createPrompt(process.stdin, process.stdout);
  try {
    const { supervisorPassword, signInCode } = options;
    await runMenu({ terminal, prompt, lang, supervisorPassword, signInCode }, merchantNo);
  } finally {
    prompt.close();
    terminal.close();
  }
  return EXIT.ok;
}
