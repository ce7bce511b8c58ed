// The POS terminal's storage: `<dataDir>/pos-<terminalId>.json`, read at start and rewritten
// atomically (temporary file, then rename) after every change the terminal reports.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseTerminalState, type TerminalState } from '@shoudan/terminal';

export function stateFilePath(dataDir: string, terminalId: string): string {
  return join(dataDir, `pos-${terminalId}.json`);
}

export type StateRead =
  | { readonly ok: true; readonly state: TerminalState | undefined }
  | { readonly ok: false; readonly problem: string };

/** The saved state; `undefined` for a terminal that has none yet. */
export async function readStateFile(path: string): Promise<StateRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, state: undefined };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, problem: `${path} is not JSON` };
  }
  const parsed = parseTerminalState(json);
  return parsed.ok
    ? { ok: true, state: parsed.value }
    : { ok: false, problem: `${path}: ${parsed.problem}` };
}

export async function writeStateFile(path: string, state: TerminalState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
