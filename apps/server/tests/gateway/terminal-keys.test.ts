// Goal: keys exist only under the LMK, and the LMK comes from where the decision log says. Method:
// the master-key resolution on temporary data directories, the network ZPK and key loading on a
// PGlite world (@shoudan/db/testing), and the database refusing anything but a cryptogram.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTerminalKeysStore, type TerminalKeysStore } from '@shoudan/db';
import { createWorld, openTestDatabase, type World } from '@shoudan/db/testing';
import { createSecurityModule } from '@shoudan/hsm';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { databaseTarget } from '../../src/database.ts';
import {
  loadTerminalMasterKeys,
  readKeyLoadingFile,
  writeKeyLoadingFile,
} from '../../src/keys/key-loading.ts';
import { resolveKeys } from '../../src/keys/master-key.ts';
import { ensureNetworkZpk, NETWORK_ZPK } from '../../src/keys/network-zpk.ts';

let dir: string;
let world: World;
let store: TerminalKeysStore;
const hsm = createSecurityModule({ masterKeyHex: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shoudan-keys-'));
  world = await createWorld(await openTestDatabase(), { terminalsPerMerchant: 2 });
  store = createTerminalKeysStore(world.db);
});
afterAll(async () => {
  await world.database.close();
  await rm(dir, { recursive: true, force: true });
});

function resolveFor(env: Record<string, string>, memory = false) {
  const config = loadConfig(env);
  return resolveKeys({ config, target: databaseTarget(config, { memory }) });
}

describe('master key', () => {
  it('takes SHOUDAN_MASTER_KEY when set', async () => {
    const key = '00112233445566778899AABBCCDDEEFF0011223344556677';
    const resolved = await resolveFor({ SHOUDAN_MASTER_KEY: key, SHOUDAN_DATA_DIR: dir });
    expect(resolved).toMatchObject({ masterKeyHex: key, origin: 'config', masterKeyFile: null });
  });

  it('refuses PostgreSQL without SHOUDAN_MASTER_KEY, with a configuration error', async () => {
    const env = { DATABASE_URL: 'postgres://shoudan@db.internal/shoudan' };
    await expect(resolveFor(env)).rejects.toThrow(ConfigError);
    await expect(resolveFor(env)).rejects.toThrow(/SHOUDAN_MASTER_KEY must be set/);
  });

  it('on PGlite, generates one into <dataDir>/master.key (0600) and reuses it', async () => {
    const dataDir = join(dir, 'pglite-data');
    const first = await resolveFor({ SHOUDAN_DATA_DIR: dataDir });
    expect(first.origin).toBe('generated');
    expect(first.masterKeyFile).toBe(join(dataDir, 'master.key'));
    expect(first.keyLoadingFile).toBe(join(dataDir, 'terminal-keys.json'));
    expect((await stat(join(dataDir, 'master.key'))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dataDir, 'master.key'), 'utf8')).trim()).toBe(first.masterKeyHex);
    const second = await resolveFor({ SHOUDAN_DATA_DIR: dataDir });
    expect(second).toMatchObject({ origin: 'file', masterKeyHex: first.masterKeyHex });
    expect(second.warnings).toEqual([]);
    await chmod(join(dataDir, 'master.key'), 0o644);
    expect((await resolveFor({ SHOUDAN_DATA_DIR: dataDir })).warnings[0]).toContain('chmod 600');
    await writeFile(join(dataDir, 'master.key'), 'not a key\n');
    await expect(resolveFor({ SHOUDAN_DATA_DIR: dataDir })).rejects.toThrow(ConfigError);
  });

  it('--memory: a random key for the process and no key-loading file', async () => {
    const a = await resolveFor({ SHOUDAN_DATA_DIR: dir }, true);
    const b = await resolveFor({ SHOUDAN_DATA_DIR: dir }, true);
    expect(a.origin).toBe('process');
    expect(a.masterKeyHex).toMatch(/^[0-9A-F]{32}$/);
    expect(a.masterKeyHex).not.toBe(b.masterKeyHex);
    expect(a.keyLoadingFile).toBeNull();
  });
});

describe('network ZPK', () => {
  it('is made once, kept under the LMK, and refused under another LMK', async () => {
    const zpk = await ensureNetworkZpk({ hsm, store, clock: world.clock });
    expect(zpk.usage).toBe('zpk');
    expect(await ensureNetworkZpk({ hsm, store, clock: world.clock })).toEqual(zpk);
    const row = await store.findHsmKey(NETWORK_ZPK);
    expect(row?.masterKeyCheckValue).toBe(hsm.masterKeyCheckValue);
    const stranger = createSecurityModule({ masterKeyHex: 'FFEEDDCCBBAA99887766554433221100' });
    await expect(ensureNetworkZpk({ hsm: stranger, store, clock: world.clock })).rejects.toThrow(
      /made under master key/,
    );
  });
});

describe('key loading', () => {
  it('stores the TMK as a cryptogram and writes its clear form owner-only', async () => {
    const [first, second] = world.merchant.terminalIds;
    const deps = { hsm, store, clock: world.clock };
    const file = join(dir, 'terminal-keys.json');
    const entries = await loadTerminalMasterKeys(deps, [
      { terminalId: first ?? '' },
      { terminalId: second ?? '', macAlgorithm: 'x919' },
    ]);
    await writeKeyLoadingFile(file, entries, { merge: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const read = await readKeyLoadingFile(file);
    const entry = read[first ?? ''];
    expect(entry?.merchantNo).toBe(world.merchant.merchantNo);
    expect(read[second ?? '']?.macAlgorithm).toBe('x919');
    const stored = await store.gatewayTerminal(first ?? '');
    expect(stored?.keys?.tmk.kcv).toBe(entry?.kcv);
    expect(JSON.stringify(stored)).not.toContain(entry?.clearKeyHex ?? 'missing');
    const imported = hsm.importTmk({
      scheme: '3des',
      clearKeyHex: entry?.clearKeyHex ?? '',
      expectedKcv: entry?.kcv ?? '',
    });
    expect(imported.ok).toBe(true);
  });

  it('a new TMK drops the working keys, keeps the MAC algorithm; the file is merged', async () => {
    const terminalId = world.merchant.terminalIds[1] ?? '';
    const tmk = (await store.gatewayTerminal(terminalId))?.keys?.tmk;
    if (!tmk) throw new Error('no TMK');
    const issued = hsm.issueWorkingKeys({ tmkUnderLmk: tmk, networkManagementCode: '003' });
    if (!issued.ok) throw new Error(issued.outcome);
    const { pikUnderLmk: pik, makUnderLmk: mak } = issued.value;
    const at = world.clock.now();
    await store.saveWorkingKeys(terminalId, {
      pik,
      mak,
      tdk: null,
      signInCode: '003',
      issuedAt: at,
    });
    expect((await store.gatewayTerminal(terminalId))?.keys?.working?.mak).toEqual(mak);
    const file = join(dir, 'terminal-keys.json');
    const entries = await loadTerminalMasterKeys({ hsm, store, clock: world.clock }, [
      { terminalId },
    ]);
    await writeKeyLoadingFile(file, entries, { merge: true });
    const after = await store.gatewayTerminal(terminalId);
    expect(after?.keys?.working).toBeNull();
    expect(after?.keys?.macAlgorithm).toBe('x919');
    expect(Object.keys(await readKeyLoadingFile(file))).toHaveLength(2);
  });

  it('the database refuses a key that is not a cryptogram', async () => {
    const terminalId = world.merchant.terminalIds[0] ?? '';
    const clear = JSON.stringify({ usage: 'tmk', clearKeyHex: '0123456789ABCDEF' });
    await expect(
      world.db.execute(sql`update terminal_key set tmk = ${clear}::jsonb
        where terminal_id = ${terminalId}`),
    ).rejects.toThrow();
    const mak = JSON.stringify({ usage: 'pik', cryptogram: 'AB', scheme: '3des', kcv: '00' });
    await expect(
      world.db.execute(sql`update terminal_key set mak = ${mak}::jsonb, pik = ${mak}::jsonb,
        keys_issued_at = now() where terminal_id = ${terminalId}`),
    ).rejects.toThrow();
  });
});
