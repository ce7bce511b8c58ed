// Goal: a signed-in terminal's financial requests are authenticated without a database read each,
// yet keys changed elsewhere (another gateway node, key loading) never make the gateway refuse a
// good MAC, and keys dropped elsewhere stop being accepted after KNOWN_TERMINAL_TTL_MS.
// Method: two gateways over one PGlite world, one of them on a store whose reads are counted; the
// terminals' requests over real TCP; the world's clock moved past the time a read is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS } from '@shoudan/core';
import type { TerminalKeysStore } from '@shoudan/db';
import type { Gateway } from '../../src/gateway/gateway.ts';
import { KNOWN_TERMINAL_TTL_MS } from '../../src/gateway/known-terminals.ts';
import { startHarness, type Harness } from './harness.ts';
import { TestTerminal } from './test-terminal.ts';

let h: Harness;
/** A second gateway node, on a store that counts its terminal reads. */
let counted: Gateway;
let reads = 0;
let verifies = 0;
const opened: TestTerminal[] = [];

beforeAll(async () => {
  h = await startHarness();
  const store: TerminalKeysStore = {
    ...h.store,
    gatewayTerminal: (terminalId) => {
      reads++;
      return h.store.gatewayTerminal(terminalId);
    },
  };
  const hsm = {
    ...h.hsm,
    verifyMac: (input: Parameters<typeof h.hsm.verifyMac>[0]) => {
      verifies++;
      return h.hsm.verifyMac(input);
    },
  };
  counted = await h.startGateway({ terminalKeys: store, hsm });
});
afterAll(async () => {
  for (const t of opened) t.close();
  await h.close();
});

/** Terminal (m, t) of the world, talking to `gateway`, with `from`'s keys and numbers. */
function through(gateway: Gateway, m: number, t: number, from?: TestTerminal): TestTerminal {
  const base = h.terminal(m, t);
  const made = new TestTerminal({
    port: gateway.port,
    terminalId: base.terminalId,
    merchantNo: base.merchantNo,
    tmk: base.tmk,
  });
  if (from) {
    made.keys = from.keys;
    made.voucherNo = from.voucherNo;
    made.batchNo = from.batchNo;
  }
  opened.push(base, made);
  return made;
}

const sale = (pos: TestTerminal) => pos.sale({ amountFen: 1_000n, pan: TEST_CARDS.debit });

describe('terminals the gateway knows', () => {
  it('authenticates a terminal’s sales with one read of its keys, not one each', async () => {
    const pos = through(counted, 0, 0);
    expect((await pos.signIn('003')).message.responseCode).toBe('00');
    reads = 0;
    for (let i = 0; i < 5; i++) expect((await sale(pos)).message.responseCode).toBe('00');
    expect(reads).toBe(1);
  });

  it('reads keys issued by another node anew rather than refuse their MAC', async () => {
    const pos = through(counted, 0, 1);
    expect((await pos.signIn('003')).message.responseCode).toBe('00');
    expect((await sale(pos)).message.responseCode).toBe('00');
    // The terminal signs in again through the other node: new keys this node has not read.
    const elsewhere = through(h.gateway, 0, 1, pos);
    expect((await elsewhere.signIn('003')).message.responseCode).toBe('00');
    const back = through(counted, 0, 1, elsewhere);
    reads = 0;
    verifies = 0;
    const answer = await sale(back);
    expect(answer.message.responseCode).toBe('00');
    expect(answer.macValid).toBe(true);
    // The MAC failed against the keys read before, then passed against those read now.
    expect([reads, verifies]).toEqual([1, 2]);
  });

  it('refuses keys dropped elsewhere once its read is older than its time', async () => {
    const pos = through(counted, 1, 0);
    expect((await pos.signIn('003')).message.responseCode).toBe('00');
    expect((await sale(pos)).message.responseCode).toBe('00');
    // A new TMK loaded from the command line drops the working keys, behind this node's back.
    const terminal = await h.store.gatewayTerminal(pos.terminalId);
    const tmk = terminal?.keys?.tmk;
    if (!tmk) throw new Error('no TMK');
    await h.store.loadTmk({ terminalId: pos.terminalId, tmk, at: h.world.clock.now() });
    h.world.clock.advance(KNOWN_TERMINAL_TTL_MS);
    const answer = await sale(pos);
    expect(answer.message.responseCode).toBe('A0');
    expect(answer.frame.header.processingRequest).toBe('3');
  });

  it('uses the keys of a sign-in through itself at once', async () => {
    const pos = through(counted, 1, 1);
    expect((await pos.signIn('003')).message.responseCode).toBe('00');
    expect((await sale(pos)).message.responseCode).toBe('00');
    expect((await pos.signIn('003')).message.responseCode).toBe('00');
    reads = 0;
    verifies = 0;
    expect((await sale(pos)).message.responseCode).toBe('00');
    // Forgotten at the sign-in: read once, with the new keys: one MAC checked, none refused.
    expect(reads).toBe(1);
    expect(verifies).toBe(1);
  });
});
