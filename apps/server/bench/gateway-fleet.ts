// The gateway bench's terminal fleet, a child process of the bench (so that its CPU is its own):
// POS terminals of packages/terminal sign in, then each loops 9 sales : 1 void of its latest sale
// over TCP with MAC; it reports the measured window's answers, latencies and CPU over IPC.
import { systemClock, TEST_CARDS } from '@shoudan/core';
import type { ClearKey, MacAlgorithm } from '@shoudan/hsm';
import { createTerminal, type Terminal, type TransactionResult } from '@shoudan/terminal';
import { percentile } from './common.ts';

export type FleetTerminal = {
  readonly terminalId: string;
  readonly merchantNo: string;
  readonly tmk: ClearKey;
  readonly macAlgorithm: MacAlgorithm;
};

/** What the bench sends once the fleet is ready. */
export type FleetStart = {
  readonly kind: 'start';
  readonly host: string;
  readonly port: number;
  readonly terminals: readonly FleetTerminal[];
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Every `voidEvery`-th request voids the terminal's latest sale; 0: sales only. */
  readonly voidEvery: number;
  /** How long a terminal keeps its connection open between requests; 0: one per request. */
  readonly keepLinkOpenMs: number;
  readonly amountFen: string;
};

/** The measured window, as the terminals saw it. */
export type FleetResult = {
  readonly sales: number;
  readonly voids: number;
  readonly ms: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Null when there was none (IPC turns NaN into null). */
  readonly saleP99Ms: number | null;
  readonly voidP99Ms: number | null;
  /** CPU of this process in the measured window (the terminal library, its TCP and crypto). */
  readonly cpuMs: number;
  /** Answers other than approvals and failures, e.g. `declined 96` or `failed no_answer`: count. */
  readonly problems: Readonly<Record<string, number>>;
};

export type FleetMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'signed_in' }
  | { readonly kind: 'measuring' }
  | { readonly kind: 'done'; readonly result: FleetResult }
  | { readonly kind: 'error'; readonly message: string };

type Tally = {
  sales: number;
  voids: number;
  readonly saleMs: number[];
  readonly voidMs: number[];
  readonly problems: Record<string, number>;
};

function send(message: FleetMessage): void {
  process.send?.(message);
}

/** One terminal's loop until the deadline: sales, and every n-th request a void of the last. */
async function loop(
  terminal: Terminal,
  start: FleetStart,
  deadline: number,
  tally: Tally | null,
): Promise<void> {
  const amountFen = BigInt(start.amountFen);
  let latest: string | undefined;
  for (let n = 1; performance.now() < deadline; n++) {
    const voiding = start.voidEvery > 0 && n % start.voidEvery === 0 && latest !== undefined;
    const at = performance.now();
    const result: TransactionResult =
      voiding && latest !== undefined
        ? await terminal.voidSale({ voucherNo: latest })
        : await terminal.sale({ pan: TEST_CARDS.debit, amountFen });
    const ms = performance.now() - at;
    if (result.status === 'approved') {
      latest = voiding ? undefined : result.transaction.voucherNo;
      if (!tally) continue;
      if (voiding) {
        tally.voids += 1;
        tally.voidMs.push(ms);
      } else {
        tally.sales += 1;
        tally.saleMs.push(ms);
      }
    } else if (tally) {
      const key = result.status === 'declined' ? result.responseCode : result.reason;
      const name = `${result.status} ${key}`;
      tally.problems[name] = (tally.problems[name] ?? 0) + 1;
    }
  }
}

async function run(start: FleetStart): Promise<void> {
  const terminals = start.terminals.map((t) =>
    createTerminal({
      terminalId: t.terminalId,
      merchantNo: t.merchantNo,
      tmk: t.tmk,
      macAlgorithm: t.macAlgorithm,
      host: start.host,
      port: start.port,
      clock: systemClock,
      replyTimeoutMs: 30_000,
      keepLinkOpenMs: start.keepLinkOpenMs,
    }),
  );
  for (const terminal of terminals) {
    const signed = await terminal.signIn();
    if (signed.status !== 'signed_in') {
      throw new Error(`${terminal.terminalId} could not sign in: ${JSON.stringify(signed)}`);
    }
  }
  send({ kind: 'signed_in' });
  const warmupEnd = performance.now() + start.warmupSeconds * 1000;
  await Promise.all(terminals.map((t) => loop(t, start, warmupEnd, null)));
  const tally: Tally = { sales: 0, voids: 0, saleMs: [], voidMs: [], problems: {} };
  send({ kind: 'measuring' });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + start.seconds * 1000;
  await Promise.all(terminals.map((t) => loop(t, start, deadline, tally)));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const p99 = (values: number[]) => (values.length === 0 ? null : percentile(sorted(values), 99));
  const all = sorted([...tally.saleMs, ...tally.voidMs]);
  send({
    kind: 'done',
    result: {
      sales: tally.sales,
      voids: tally.voids,
      ms,
      p50Ms: percentile(all, 50),
      p99Ms: percentile(all, 99),
      saleP99Ms: p99(tally.saleMs),
      voidP99Ms: p99(tally.voidMs),
      cpuMs: (cpu.user + cpu.system) / 1000,
      problems: tally.problems,
    },
  });
}

process.once('message', (message: FleetStart) => {
  run(message).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      process.disconnect?.();
    },
  );
});
send({ kind: 'ready' });
