// The key-loading file `<dataDir>/terminal-keys.json` shared with the gateway's demo seed: per
// terminal id its merchant number, clear TMK with check value and MAC algorithm. Read-only here.
import { readFile } from 'node:fs/promises';
import { createSecurityModule } from '@shoudan/hsm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * `{ "<terminalId>": { "merchantNo": "...", "scheme": "3des", "clearKeyHex": "...",
 * "kcv": "...", "macAlgorithm": "cup-ecb" } }`; other properties are ignored. A file without
 * `merchantNo` is read too: `shoudan pos --merchant` then supplies it.
 */
export const TerminalKeyEntry = z.object({
  merchantNo: z
    .string()
    .regex(/^[0-9]{15}$/)
    .optional(),
  scheme: z.enum(['3des', 'sm4']),
  clearKeyHex: z.string().regex(/^(?:[0-9A-Fa-f]{16}){1,2}$/),
  kcv: z.string().regex(/^[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?$/),
  macAlgorithm: z.enum(['cup-ecb', 'x919']).default('cup-ecb'),
  /** Optional: the merchant's name for the slip. */
  merchantName: z.string().optional(),
});

export type TerminalKeyEntry = z.output<typeof TerminalKeyEntry>;

export type KeyFileRead =
  | { readonly ok: true; readonly entry: TerminalKeyEntry }
  | { readonly ok: false; readonly problem: string };

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null;
  }
}

/** The check value of the clear TMK, computed in the security module, must match the file's. */
function kcvMatches(entry: TerminalKeyEntry): boolean {
  // A throwaway LMK: the TMK is wrapped only to compute its check value in this process.
  const hsm = createSecurityModule({ masterKeyHex: randomBytes(16).toString('hex') });
  const imported = hsm.importTmk({
    scheme: entry.scheme,
    clearKeyHex: entry.clearKeyHex,
    expectedKcv: entry.kcv.toUpperCase(),
  });
  return imported.ok;
}

/** The entry of one terminal. Problems name the file, the terminal and the field, never a key. */
export async function readTerminalKeys(path: string, terminalId: string): Promise<KeyFileRead> {
  const json = await readJson(path);
  if (json === undefined) return { ok: false, problem: `${path} does not exist` };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problem: `${path} is not a JSON object` };
  }
  const raw: unknown = (json as Record<string, unknown>)[terminalId];
  if (raw === undefined) return { ok: false, problem: `${path} has no keys for ${terminalId}` };
  const parsed = TerminalKeyEntry.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'entry');
    return { ok: false, problem: `${path}: ${terminalId}: invalid ${fields.join(', ')}` };
  }
  if (!kcvMatches(parsed.data)) {
    return { ok: false, problem: `${path}: ${terminalId}: the TMK does not match its kcv` };
  }
  return { ok: true, entry: parsed.data };
}
