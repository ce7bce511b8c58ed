// Key loading (灌装主密钥), demo stand-in: a new TMK per terminal, generated in the security module
// and stored under the LMK, and its clear form written to a key-loading file (mode 0600) that the
// POS simulator reads — in place of the dual-control ceremony that injects a real terminal's TMK.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Clock } from '@shoudan/core';
import type { MacAlgorithmName, TerminalKeysStore } from '@shoudan/db';
import type { KeyScheme, SecurityModule } from '@shoudan/hsm';

/**
 * One terminal's entry: its merchant, the TMK in clear (as a terminal holds it) with its check
 * value, and its MAC algorithm. Read by `shoudan pos` (apps/server/src/cli/pos/key-file.ts).
 */
export type KeyLoadingEntry = {
  readonly merchantNo: string;
  /** For the slip. */
  readonly merchantName: string;
  readonly scheme: KeyScheme;
  /** The TMK in clear, uppercase hex. A secret: this file is for the demo and tests only. */
  readonly clearKeyHex: string;
  /** Its check value (4 bytes, hex), to verify after loading. */
  readonly kcv: string;
  readonly macAlgorithm: MacAlgorithmName;
};

/** The key-loading file: terminal id → entry. */
export type KeyLoadingFile = Readonly<Record<string, KeyLoadingEntry>>;

export type KeyLoadingDeps = {
  readonly hsm: SecurityModule;
  readonly store: TerminalKeysStore;
  readonly clock: Clock;
};

export type LoadTmkInput = {
  readonly terminalId: string;
  /** Kept as configured when not given; `cup-ecb` for a terminal loaded the first time. */
  readonly macAlgorithm?: MacAlgorithmName;
};

const OWNER_ONLY = 0o600;

/**
 * Generates and stores a new TMK for each terminal (its working keys are dropped: it must sign
 * in again) and returns the key-loading entries. Terminals must exist.
 */
export async function loadTerminalMasterKeys(
  deps: KeyLoadingDeps,
  inputs: readonly LoadTmkInput[],
): Promise<KeyLoadingFile> {
  const entries: Record<string, KeyLoadingEntry> = {};
  for (const input of inputs) {
    const tmk = deps.hsm.generateTmk({ scheme: '3des', length: 'double' });
    const at = deps.clock.now();
    const load = { terminalId: input.terminalId, tmk, at };
    await deps.store.loadTmk(
      input.macAlgorithm === undefined ? load : { ...load, macAlgorithm: input.macAlgorithm },
    );
    const stored = await deps.store.gatewayTerminal(input.terminalId);
    const exported = deps.hsm.exportTmkForInjection(tmk);
    if (!stored) throw new Error(`terminal ${input.terminalId} vanished during key loading`);
    entries[input.terminalId] = {
      merchantNo: stored.merchantNo,
      merchantName: stored.merchantName,
      scheme: exported.scheme,
      clearKeyHex: exported.clearKeyHex,
      kcv: exported.kcv,
      macAlgorithm: stored.keys?.macAlgorithm ?? 'cup-ecb',
    };
  }
  return entries;
}

/**
 * Writes the entries to `path` (mode 0600, replaced atomically). With `merge`, entries of other
 * terminals already in the file are kept.
 */
export async function writeKeyLoadingFile(
  path: string,
  entries: KeyLoadingFile,
  options: { readonly merge: boolean },
): Promise<void> {
  const existing = options.merge ? await readKeyLoadingFile(path).catch(() => ({})) : {};
  const merged = { ...existing, ...entries };
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  const temporary = `${path}.${process.pid}.tmp`;
  // With PostgreSQL the data directory may not exist yet: it only holds this file then.
  await mkdir(dirname(path), { recursive: true });
  await writeFile(temporary, `${JSON.stringify(sorted, null, 2)}\n`, {
    encoding: 'utf8',
    mode: OWNER_ONLY,
  });
  await chmod(temporary, OWNER_ONLY);
  await rename(temporary, path);
}

/** Reads a key-loading file; throws when it is missing or not of this shape. */
export async function readKeyLoadingFile(path: string): Promise<KeyLoadingFile> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path} is not a key-loading file`);
  }
  const entries: Record<string, KeyLoadingEntry> = {};
  for (const [terminalId, value] of Object.entries(parsed)) {
    if (!isEntry(value)) throw new Error(`${path}: the entry of ${terminalId} is malformed`);
    entries[terminalId] = value;
  }
  return entries;
}

function isEntry(value: unknown): value is KeyLoadingEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['merchantNo'] === 'string' &&
    typeof entry['merchantName'] === 'string' &&
    (entry['scheme'] === '3des' || entry['scheme'] === 'sm4') &&
    typeof entry['clearKeyHex'] === 'string' &&
    /^[0-9A-F]{16}(?:[0-9A-F]{16})?$/.test(entry['clearKeyHex']) &&
    typeof entry['kcv'] === 'string' &&
    (entry['macAlgorithm'] === 'cup-ecb' || entry['macAlgorithm'] === 'x919')
  );
}
