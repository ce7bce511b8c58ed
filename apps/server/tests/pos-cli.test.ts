// Goal: `shoudan pos` works as a cashier uses a POS — menus, supervisor password, slips, the void
// refusal explained, reversal after a timeout — also with piped stdin. Method: the real CLI as a
// child process, driven line by line, against the TCP test host of @shoudan/terminal.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@shoudan/terminal/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = 'apps/server/src/main.ts';
const TMK = { scheme: '3des', clearKeyHex: '0123456789ABCDEFFEDCBA9876543210' } as const;
const MERCHANT_NO = '898310048160001';
const CARD = '6222020000000001';
/** A sale of this amount (fen) is processed by the host but never answered. */
const LOST_AMOUNT_FEN = 4321n;

let host: TestHost;
let dataDir: string;

beforeAll(async () => {
  host = await startTestHost({
    tmk: TMK,
    behave: (m) =>
      m.mti === '0200' && m.amountFen === LOST_AMOUNT_FEN ? { drop: true } : undefined,
  });
  dataDir = await mkdtemp(join(tmpdir(), 'shoudan-pos-'));
  const entry = { merchantNo: MERCHANT_NO, ...TMK, kcv: '08D7B4FB', macAlgorithm: 'cup-ecb' };
  const keys = {
    T0000001: { ...entry, merchantName: '收单演示商户' },
    T0000002: entry,
    T0000003: entry,
    TBADKCV1: { ...entry, kcv: '000000' },
  };
  await writeFile(join(dataDir, 'terminal-keys.json'), JSON.stringify(keys));
});
afterAll(async () => {
  await host.close();
  await rm(dataDir, { recursive: true, force: true });
});

type Exit = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** The POS program, fed line by line; `expect` waits for text after what was already seen. */
function pos(args: readonly string[]) {
  const command = ['--import', 'tsx', '--conditions=source', MAIN, '--data-dir', dataDir, 'pos'];
  const child = spawn(process.execPath, [...command, '--port', String(host.port), ...args], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let seen = 0;
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<Exit>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    exited,
    send: (...lines: string[]) => void child.stdin.write(lines.map((l) => `${l}\n`).join('')),
    end: () => child.stdin.end(),
    /** Resolves with the new output once it holds `text`; fails after 15 s. */
    async expect(text: string): Promise<string> {
      for (let waited = 0; waited < 15_000; waited += 20) {
        const at = stdout.indexOf(text, seen);
        if (at >= 0) {
          const shown = stdout.slice(seen, at + text.length);
          seen = at + text.length;
          return shown;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no "${text}" in:\n${stdout.slice(seen)}\n${stderr}`);
    },
  };
}

describe.concurrent('shoudan pos', () => {
  it('signs in, sells, voids by voucher number behind the 主管密码, reprints', async () => {
    const p = pos(['--terminal', 'T0000001']);
    await p.expect('终端未签到');
    p.send('4');
    await p.expect('签到成功  批次号 000001');
    p.send('1', '12.50', CARD, '2812', '123456');
    const slip = await p.expect('本人确认以上交易');
    for (const line of ['交易成功', '商户名称: 收单演示商户', '卡号: 622202******0001 /M']) {
      expect(slip).toContain(line);
    }
    expect(slip).toContain('凭证号: 000002');
    expect(slip).toContain('金额: ¥12.50');
    p.send('2', '1', '654321');
    await p.expect('主管密码错误');
    p.send('2', '1', '123456', '1', '2', '1');
    const voided = await p.expect('本人确认以上交易');
    expect(voided).toContain('原交易: 凭证号 000002');
    expect(voided).toContain('交易类型: 消费撤销');
    expect(voided).toContain('金额: -¥12.50');
    p.send('2', '3', '1');
    expect(await p.expect('本人确认以上交易')).toContain('重打印');
    p.send('0');
    const exit = await p.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout + exit.stderr).not.toContain(CARD);
    const state = JSON.parse(await readFile(join(dataDir, 'pos-T0000001.json'), 'utf8'));
    expect(state).toMatchObject({ batchNo: '000001', nextVoucherNo: '000004' });
  });

  it('explains a void the host refuses after its cutoff, then refunds and settles', async () => {
    const p = pos(['--terminal', 'T0000002']);
    p.send('4', '1', '20', CARD, '', '');
    const sold = await p.expect('本人确认以上交易');
    const rrn = /参考号: (\d{12})/.exec(sold)?.[1] ?? '';
    host.settleAll('T0000002');
    p.send('2', '1', '123456', '2');
    expect(await p.expect('请选择序号')).toMatch(
      /1\) \d\d:\d\d:\d\d {2}000002 {2}622202\*{6}0001 {2}¥20\.00/,
    );
    p.send('1', '1');
    await p.expect('撤销失败: [12] 已结算，请使用退货');
    p.send('2', '2', '123456', CARD, '', rrn, '1125', '5.5');
    const refunded = await p.expect('本人确认以上交易');
    expect(refunded).toContain('交易类型: 退货');
    expect(refunded).toContain('金额: -¥5.50');
    p.send('3');
    const settled = await p.expect('结算完成  批次号 000001  新批次号 000002');
    expect(settled).toContain('内卡  借记 1 笔 ¥20.00  贷记 1 笔 ¥5.50');
    p.end();
    expect((await p.exited).code).toBe(0);
  });

  it('in English: a lost answer leaves a reversal that goes before the next sale', async () => {
    const p = pos(['--terminal', 'T0000003', '--lang', 'en', '--timeout', '1']);
    await p.expect('Not signed in');
    p.send('4', '1', '43.21', `${CARD}=28121010000`, '');
    await p.expect('Failed: No answer from the host');
    await p.expect('A reversal is stored');
    p.send('1', '1.00', `${CARD}=28121010000`, '');
    await p.expect('Sending the reversal of 000002 (try 1)');
    await p.expect('Reversal of 000002 accepted');
    const slip = await p.expect('I ACKNOWLEDGE');
    expect(slip).toContain('TRANS TYPE: SALE');
    expect(slip).toContain('CARD NO: 622202******0001 /S');
    p.send('0');
    expect((await p.exited).code).toBe(0);
    const lost = host.records.find((r) => r.amountFen === LOST_AMOUNT_FEN);
    expect(lost?.reversed).toBe(true);
  });

  it('refuses to start without keys, or with a TMK that does not match its kcv', async () => {
    const [missing, badKcv] = await Promise.all([
      pos(['--terminal', 'T0000009']).exited,
      pos(['--terminal', 'TBADKCV1']).exited,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no keys for T0000009');
    expect(badKcv.code).toBe(2);
    expect(badKcv.stderr).toContain('does not match its kcv');
    expect(badKcv.stderr).not.toContain(TMK.clearKeyHex);
  });
});
