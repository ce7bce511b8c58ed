// Where the security module's LMK comes from: SHOUDAN_MASTER_KEY; else, on the embedded database
// only, a key generated on first start and kept in `<dataDir>/master.key` (mode 0600), or a random
// key for the life of a `--memory` process. PostgreSQL without SHOUDAN_MASTER_KEY is refused.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, type Config } from '../config.ts';
import type { DatabaseTarget } from '../database.ts';

/** Bytes of a generated LMK: double-length, like the TMKs under it. */
const GENERATED_KEY_BYTES = 16;
const MASTER_KEY_PATTERN = /^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$/;
const OWNER_ONLY = 0o600;

export type MasterKeyOrigin = 'config' | 'file' | 'generated' | 'process';

export type ResolvedKeys = {
  /** The LMK as hex: hand it to the security module only; never log it. */
  readonly masterKeyHex: string;
  readonly origin: MasterKeyOrigin;
  /** The master key file, when the key lives in one. */
  readonly masterKeyFile: string | null;
  /**
   * The demo key-loading file (terminal id → clear TMK) that the seed and `terminal keys` write;
   * null for `--memory`, whose keys die with the process.
   */
  readonly keyLoadingFile: string | null;
  /** Things an operator should fix, for the log (a master key file others can read). */
  readonly warnings: readonly string[];
};

export type ResolveKeysInput = {
  readonly config: Config;
  readonly target: DatabaseTarget;
  /** Randomness for a generated key; node:crypto by default. */
  readonly random?: (bytes: number) => Uint8Array;
};

export function masterKeyFileOf(config: Config): string {
  return join(resolve(config.dataDir), 'master.key');
}

export function keyLoadingFileOf(config: Config): string {
  return join(resolve(config.dataDir), 'terminal-keys.json');
}

/** Throws ConfigError for PostgreSQL without SHOUDAN_MASTER_KEY or an unreadable key file. */
export async function resolveKeys(input: ResolveKeysInput): Promise<ResolvedKeys> {
  const { config, target } = input;
  const random = input.random ?? ((bytes: number) => randomBytes(bytes));
  const memory = target.options.kind === 'pglite' && target.directory === null;
  const keyLoadingFile = memory ? null : keyLoadingFileOf(config);
  const base = { masterKeyFile: null, keyLoadingFile, warnings: [] };
  if (config.masterKeyHex !== undefined) {
    return { ...base, masterKeyHex: config.masterKeyHex, origin: 'config' };
  }
  if (target.options.kind === 'postgres') {
    throw new ConfigError([
      'SHOUDAN_MASTER_KEY must be set when DATABASE_URL is set: the terminal keys in a shared ' +
        'database are wrapped under it, and every gateway node needs the same one (32, 48 or 64 ' +
        'hex characters; keep it out of the repository and the logs)',
    ]);
  }
  if (memory) {
    return { ...base, masterKeyHex: hexOf(random(GENERATED_KEY_BYTES)), origin: 'process' };
  }
  const file = masterKeyFileOf(config);
  const created = await createKeyFile(file, hexOf(random(GENERATED_KEY_BYTES)));
  const masterKeyHex = created ?? (await readKeyFile(file));
  const warnings = created === undefined ? await modeWarnings(file) : [];
  const origin = created === undefined ? 'file' : 'generated';
  return { ...base, masterKeyHex, origin, masterKeyFile: file, warnings };
}

/** Creates the file with the key unless it exists; the key written, or undefined if it existed. */
async function createKeyFile(file: string, keyHex: string): Promise<string | undefined> {
  await mkdir(resolve(file, '..'), { recursive: true });
  let handle: FileHandle;
  try {
    handle = await open(file, 'wx', OWNER_ONLY);
  } catch (error) {
    if (isCode(error, 'EEXIST')) return undefined;
    throw error;
  }
  try {
    await handle.writeFile(`${keyHex}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  // The umask can only narrow the mode; make sure it is exactly owner read/write.
  await chmod(file, OWNER_ONLY);
  return keyHex;
}

async function readKeyFile(file: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).trim();
  if (!MASTER_KEY_PATTERN.test(text)) {
    throw new ConfigError([
      `${file} does not hold a master key (32, 48 or 64 hex characters): restore it from its ` +
        'backup or set SHOUDAN_MASTER_KEY',
    ]);
  }
  return text.toUpperCase();
}

async function modeWarnings(file: string): Promise<string[]> {
  const { mode } = await stat(file);
  if ((mode & 0o077) === 0) return [];
  return [`${file} can be read by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it`];
}

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
