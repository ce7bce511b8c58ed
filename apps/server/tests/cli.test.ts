// The shoudan CLI end to end as real processes: seed, ledger check, statement, serve, exit codes.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYuan } from '@shoudan/core';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = 'apps/server/src/main.ts';
/** The D0 merchant of the demo world: it sells every day. */
const MERCHANT_NO = '898584057320005';

type Exit = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  // The CLI must use the embedded database and its own keys here, whatever the machine has
  // configured, unless the test says otherwise.
  delete env['DATABASE_URL'];
  delete env['SHOUDAN_MASTER_KEY'];
  return { ...env, ...extra };
}

function start(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', MAIN, ...args], {
    cwd: REPO,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<Exit>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited, stdout: () => stdout };
}

const shoudan = (args: readonly string[], env?: Record<string, string>) => start(args, env).exited;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shoudan-cli-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe.concurrent('shoudan CLI', () => {
  it('seeds, checks the ledger, writes a statement that adds up, then serves it', async () => {
    const seeded = await shoudan(['--data-dir', dataDir, 'seed', '--days', '2']);
    expect(seeded.stderr).not.toMatch(/"level":(40|50)/);
    expect(seeded.code).toBe(0);
    const dates = /settled business dates (\S+), (\S+)/.exec(seeded.stdout);
    const date = dates?.[2] ?? '';
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Key loading: the master key and the demo key-loading file, both owner-only.
    expect(seeded.stdout).toContain('terminal master keys   12 loaded');
    const keyFile = join(dataDir, 'terminal-keys.json');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'master.key'))).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(await readFile(keyFile, 'utf8')) as Record<string, { kcv: string }>;
    expect(Object.keys(keys)).toHaveLength(12);
    const [terminalId, entry] = Object.entries(keys)[0] ?? [];
    const reloaded = await shoudan([
      '--data-dir',
      dataDir,
      'terminal',
      'keys',
      '--terminal',
      terminalId ?? '',
    ]);
    expect(reloaded.code).toBe(0);
    expect(reloaded.stdout).toContain('must sign in again');
    const after = JSON.parse(await readFile(keyFile, 'utf8')) as Record<string, { kcv: string }>;
    expect(Object.keys(after)).toHaveLength(12);
    expect(after[terminalId ?? '']?.kcv).not.toBe(entry?.kcv);

    const checked = await shoudan(['--data-dir', dataDir, 'ledger', 'check']);
    expect(checked.stdout).toContain('Ledger check: ok');
    expect(checked.code).toBe(0);

    const out = join(dataDir, 'statement.csv');
    const args = ['statement', '--merchant', MERCHANT_NO, '--date', date];
    const written = await shoudan(['--data-dir', dataDir, ...args, '--out', out]);
    expect(written.code).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expectStatementAddsUp(csv, date);

    // The seeded database again, now under `serve`: no second seed, the demo merchants listed.
    const server = start(['--data-dir', dataDir, 'serve', '--port', '0', '--gateway-port', '0']);
    const url = await waitForUrl(server.stdout, server.exited);
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, unknown>;
    expect(status['counts']).toMatchObject({ merchants: 6, terminals: 12 });
    const signedIn = await fetch(`${url}/v1/merchant/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13800000001', password: 'shoudan-demo' }),
    });
    expect(signedIn.status).toBe(200);
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain(MERCHANT_NO);
    expect(exit.stdout).toMatch(/Gateway\s+127\.0\.0\.1:\d+/);
    expect(exit.stdout).toContain(`from ${join(dataDir, 'master.key')}`);
    expect(exit.stdout).toContain('Demo sign-ins (password shoudan-demo)');
    expect(exit.stdout).toMatch(/staff\s+admin, reviewer, reviewer2/);
    expect(exit.stderr).not.toContain('Seeding');
  });

  it('serves /health and /status in memory on a free port and exits 0 on SIGTERM', async () => {
    const server = start(['serve', '--memory', '--port', '0', '--gateway-port', '0', '--no-seed']);
    const url = await waitForUrl(server.stdout, server.exited);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, unknown>;
    expect(status['database']).toMatchObject({ kind: 'pglite' });
    expect(status['businessDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(status['counts']).toEqual({
      merchants: 0,
      terminals: 0,
      transactions: 0,
      reversalsPending: 0,
    });
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'route_not_found' });
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('PGlite in memory');
    expect(exit.stdout).toContain('random for this process');
  });

  it('answers bad configuration and bad usage with exit code 2', async () => {
    const postgres = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
    const [config, usage, date, noKey] = await Promise.all([
      shoudan(['migrate', '--memory'], { PORT: 'eighty' }),
      shoudan(['statement', '--merchant', '12', '--date', '2026-11-24']),
      shoudan(['cutoff', '--date', '2026-13-01']),
      shoudan(['serve', '--no-seed'], postgres),
    ]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('SHOUDAN_MASTER_KEY must be set when DATABASE_URL is set');
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('PORT must be a whole number');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--merchant');
    expect(date.code).toBe(2);
  });
});

/** Detail lines (between the header and 合计) sum to the total; the payout follows from it. */
function expectStatementAddsUp(csv: string, date: string): void {
  const rows = csv
    .replace('\uFEFF', '')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  expect(rows[0]).toEqual(['商户号', MERCHANT_NO, '清算日期', date]);
  const totalAt = rows.findIndex((r) => r[0] === '合计');
  const details = rows.slice(2, totalAt);
  expect(details.length).toBeGreaterThan(0);
  const fen = (text: string | undefined): bigint => {
    const value = parseYuan(text ?? '');
    if (value === undefined) throw new Error(`not an amount: ${String(text)}`);
    return value;
  };
  const sum = details.reduce((a, r) => a + fen(r[8]), 0n);
  expect(sum).toBe(fen(rows[totalAt]?.[8]));
  const payout = fen(rows[totalAt + 1]?.[8]);
  const carried = fen(rows[totalAt + 2]?.[8]);
  expect(payout + carried).toBe(sum);
}

async function waitForUrl(stdout: () => string, exited: Promise<Exit>): Promise<string> {
  let done: Exit | undefined;
  void exited.then((e) => (done = e));
  for (;;) {
    const match = /Health\s+(http:\/\/\S+)\/health/.exec(stdout());
    if (match?.[1]) return match[1];
    if (done) throw new Error(`serve exited early (${String(done.code)}): ${done.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
