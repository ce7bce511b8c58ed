// Goal: the simulator keeps the port's promises the engine relies on: a reference asked again is
// answered as the first time and held once; a reversal releases it, once. Method: the class alone.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../shared/clock.ts';
import { CardNetworkSimulator, TEST_CARDS } from './card-network-simulator.ts';
import type { AuthorizeRequest } from './card-network.ts';

const request = (ref: string, pan: string, amountFen = 1_000n): AuthorizeRequest => ({
  ref,
  method: 'card',
  amountFen,
  pan,
  expiry: null,
  pinPresent: false,
  payerCode: null,
});

describe('card network simulator', () => {
  it('answers a reference asked again as the first time, and holds it once', async () => {
    const network = new CardNetworkSimulator({ clock: new FakeClock('2026-11-24T02:00:00Z') });
    const first = await network.authorize(request('T1:1:1', TEST_CARDS.debit));
    const again = await network.authorize(request('T1:1:1', TEST_CARDS.debit));
    expect(first.result).toBe('approved');
    expect(again).toEqual(first);
    expect(network.chargedFen()).toBe(1_000n);
    const declined = await network.authorize(request('T1:1:2', TEST_CARDS.insufficientFunds));
    expect(await network.authorize(request('T1:1:2', TEST_CARDS.insufficientFunds))).toEqual(
      declined,
    );
    expect(network.chargedFen()).toBe(1_000n);
  });

  it('releases a reference once, whatever is asked of it after', async () => {
    const network = new CardNetworkSimulator({ clock: new FakeClock('2026-11-24T02:00:00Z') });
    await network.authorize(request('T1:1:3', TEST_CARDS.debit, 500n));
    await network.reverse('T1:1:3');
    await network.reverse('T1:1:3');
    await network.authorize(request('T1:1:3', TEST_CARDS.debit, 500n));
    await network.reverse('T9:9:9');
    expect(network.chargedFen()).toBe(0n);
  });
});
