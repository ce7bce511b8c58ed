// Goal: broken input, slow work and greedy peers never crash the gateway or starve other
// terminals. Method: real TCP against gateways on one PGlite world: unreadable frames (30 or
// close), oversized frames, hundreds of mutated and thousands of random frames while another
// terminal keeps selling, pipelined requests, the idle timeout, the per-message deadline and the
// connection limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CARDS, createEngine, seededRandom, type CardNetwork } from '@shoudan/core';
import { unpackFrame, type CupMessage } from '@shoudan/iso8583';
import { startHarness, type Harness } from './harness.ts';
import { Line, type TestTerminal } from './test-terminal.ts';

let h: Harness;
let pos: TestTerminal;
let other: TestTerminal;

beforeAll(async () => {
  h = await startHarness();
  pos = h.terminal(0, 0);
  other = h.terminal(1, 0);
  await pos.signIn('003');
  await other.signIn('004');
});
afterAll(async () => {
  pos.close();
  other.close();
  await h.close();
});

/** Byte offset of the bitmap in a frame: length (2) + TPDU (5) + header (6) + MTI (2). */
const BITMAP_AT = 15;

function echoTest(t: TestTerminal): CupMessage {
  return { mti: '0820', stan: t.nextStan(), ...t.ids('00', '301') };
}

describe('unreadable frames', () => {
  it('answers 30 when MTI, 41 and 42 can be read, and keeps the connection', async () => {
    const line = await Line.open(h.gateway.port);
    const frame = pos.frame(pos.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit }));
    // Field 43 is not in the dialect: reading stops there, after 41 and 42.
    frame[BITMAP_AT + 5] = (frame[BITMAP_AT + 5] ?? 0) | 0x20;
    line.write(frame);
    const answer = await line.next();
    if (typeof answer === 'string') throw new Error(answer);
    const read = unpackFrame(answer);
    expect(read.ok && read.value.message.responseCode).toBe('30');
    expect(read.ok && read.value.message.terminalId).toBe(pos.terminalId);
    expect(read.ok && read.value.message.mac).toBeUndefined();
    line.write(pos.frame(echoTest(pos)));
    const echo = await line.next();
    expect(typeof echo === 'string' ? echo : unpackFrame(echo).ok).toBe(true);
    line.close();
  });

  it('closes the connection on frames it cannot answer, and on oversized ones', async () => {
    const garbage = Uint8Array.from([0x00, 0x0a, 0x60, 0, 3, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const cases = [garbage, Uint8Array.from([0xff, 0xff, 1, 2, 3]), Uint8Array.from([0, 1, 0x60])];
    for (const bytes of cases) {
      const line = await Line.open(h.gateway.port);
      line.write(bytes);
      expect(await line.next()).toBe('closed');
    }
  });

  it('survives hundreds of mutated frames while another terminal keeps selling', async () => {
    const random = seededRandom(8583);
    // Its own terminal: a mutated sign-in or settlement that still reads well acts on it.
    const fuzzer = h.terminal(0, 1);
    await fuzzer.signIn('003');
    fuzzer.close();
    const original = { request: echoTest(fuzzer), answer: { mti: '0210' } };
    const seeds = [
      fuzzer.frame(fuzzer.saleMessage({ amountFen: 1_000n, pan: TEST_CARDS.debit, pin: '1234' })),
      fuzzer.frame(fuzzer.voidMessage(original, TEST_CARDS.debit)),
      fuzzer.frame(fuzzer.settlementMessage('0'.repeat(62))),
      fuzzer.frame({ mti: '0800', stan: '000001', ...fuzzer.ids('00', '003') }),
    ];
    let stop = false;
    const selling = (async () => {
      let sold = 0;
      while (!stop) {
        const answer = await other.sale({ amountFen: 100n, pan: TEST_CARDS.debit });
        expect(answer.message.responseCode).toBe('00');
        sold += 1;
      }
      return sold;
    })();
    let line = await Line.open(h.gateway.port);
    const outcomes = { answered: 0, closed: 0 };
    for (let i = 0; i < 400; i++) {
      const frame = mutate(seeds[i % seeds.length] ?? new Uint8Array(), random);
      line.write(frame);
      const got = await line.next(5_000);
      expect(got).not.toBe('silent');
      if (got === 'closed') {
        outcomes.closed += 1;
        line = await Line.open(h.gateway.port);
      } else {
        outcomes.answered += 1;
        expect(typeof got !== 'string' && unpackFrame(got).ok).toBe(true);
      }
    }
    stop = true;
    expect(await selling).toBeGreaterThan(0);
    expect(outcomes.answered).toBeGreaterThan(100);
    line.close();
    const echo = await pos.send(echoTest(pos));
    expect(echo.message.responseCode).toBe('00');
  });
  it('survives thousands of random frames: each answered or its connection closed', async () => {
    const random = seededRandom(20261125);
    let line = await Line.open(h.gateway.port);
    const outcomes = { answered: 0, closed: 0 };
    for (let i = 0; i < 3_000; i++) {
      // Random bytes after a true length; every tenth frame a length that lies.
      const body = random.bytes(random.int(0, 300));
      const frame = i % 10 === 9 ? random.bytes(random.int(1, 40)) : withLength(body);
      line.write(frame);
      const got = await line.next(i % 10 === 9 ? 300 : 5_000);
      if (got === 'closed') {
        outcomes.closed += 1;
        line = await Line.open(h.gateway.port);
      } else if (got === 'silent') {
        // A lying length waits for bytes that never come: start a new connection.
        expect(i % 10).toBe(9);
        line.close();
        line = await Line.open(h.gateway.port);
      } else {
        outcomes.answered += 1;
        expect(unpackFrame(got).ok).toBe(true);
      }
    }
    line.close();
    expect(outcomes.answered + outcomes.closed).toBeGreaterThan(2_000);
    const sale = await other.sale({ amountFen: 100n, pan: TEST_CARDS.debit });
    expect(sale.message.responseCode).toBe('00');
  });
});

/** One byte of the message changed, or the message cut short; the length is kept true. */
function mutate(frame: Uint8Array, random: ReturnType<typeof seededRandom>): Uint8Array {
  const body = frame.slice(2);
  if (random.next() < 0.2) {
    const cut = body.slice(0, random.int(0, body.length - 1));
    return withLength(cut);
  }
  const at = random.int(11, body.length - 1);
  body[at] = (body[at] ?? 0) ^ (1 << random.int(0, 7));
  return withLength(body);
}

function withLength(body: Uint8Array): Uint8Array {
  const frame = new Uint8Array(body.length + 2);
  frame[0] = body.length >> 8;
  frame[1] = body.length & 0xff;
  frame.set(body, 2);
  return frame;
}

describe('connections', () => {
  it('answers pipelined requests one at a time, in order', async () => {
    const line = await Line.open(h.gateway.port);
    const requests = Array.from({ length: 20 }, () => echoTest(pos));
    line.write(Buffer.concat(requests.map((r) => pos.frame(r))));
    for (const request of requests) {
      const got = await line.next();
      if (typeof got === 'string') throw new Error(got);
      const read = unpackFrame(got);
      expect(read.ok && read.value.message.stan).toBe(request.stan);
    }
    line.close();
  });

  it('closes idle connections and refuses connections beyond the limit', async () => {
    const config = { ...h.deps.config, gatewayIdleTimeoutMs: 1_000, gatewayConnectionsMax: 2 };
    const gateway = await h.startGateway({ config });
    const idle = await Line.open(gateway.port);
    const second = await Line.open(gateway.port);
    second.write(pos.frame(echoTest(pos)));
    expect(typeof (await second.next())).not.toBe('string');
    const third = await Line.open(gateway.port);
    expect(await third.next(2_000)).toBe('closed');
    idle.write(pos.frame(echoTest(pos)).subarray(0, 5));
    expect(await idle.next(3_000)).toBe('closed');
    second.close();
    await gateway.close();
  });

  it('gives up on a request past its deadline: no late answer, the connection closed', async () => {
    const { clock, ids, rules, stores, network } = h.world;
    const charged = network.chargedFen();
    // The world's network, slow to authorise.
    const slowNetwork: CardNetwork = {
      lookupCard: (pan) => network.lookupCard(pan),
      authorize: async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        return network.authorize(request);
      },
      void: (request) => network.void(request),
      refund: (request) => network.refund(request),
      reverse: (ref) => network.reverse(ref),
    };
    const engine = createEngine({ stores, network: slowNetwork, clock, ids, rules });
    const config = { ...h.deps.config, gatewayMessageTimeoutMs: 300 };
    const slow = await h.startGateway({ config, engine });
    const line = await Line.open(slow.port);
    const request = pos.saleMessage({ amountFen: 6_600n, pan: TEST_CARDS.debit });
    line.write(pos.frame(request));
    const got = await line.next(5_000);
    expect(got).toBe('closed');
    // The terminal reverses what it got no answer for; the sale commits or not, either way
    // the reversal leaves nothing charged for it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const reversal = await pos.send(pos.reversalOf(request, '98'));
    expect(reversal.message.responseCode).toBe('00');
    expect(network.chargedFen()).toBe(charged);
    const recorded = await h.world.db.query.transactions.findFirst({
      where: (t, { and, eq }) =>
        and(eq(t.terminalId, pos.terminalId), eq(t.voucherNo, Number(request.stan))),
    });
    expect(recorded?.status).toBe('reversed');
    await slow.close();
  });

  it('closes with connections open, after answering what is in progress', async () => {
    const gateway = await h.startGateway({});
    const line = await Line.open(gateway.port);
    line.write(pos.frame(echoTest(pos)));
    expect(typeof (await line.next())).not.toBe('string');
    await gateway.close();
    expect(await line.next(2_000)).toBe('closed');
    expect(gateway.connectionCount()).toBe(0);
  });
});
