// A deterministic card network for development, tests and demos: test cards decide the answer,
// holds are kept in memory so tests can see that a reversal really released the money.
import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type {
  AuthorizeRequest,
  CardInfo,
  CardNetwork,
  FollowUpRequest,
  NetworkAnswer,
  NetworkDecline,
} from './card-network.ts';

/** Test cards: any other PAN is approved (debit or credit by its BIN). */
export const TEST_CARDS = {
  debit: '6222020000000001',
  credit: '6258070000000002',
  foreignCredit: '4111111111111111',
  insufficientFunds: '6222020000000051',
  wrongPin: '6222020000000055',
  expired: '6222020000000054',
  declined: '6222020000000005',
  timeout: '6222020000000098',
} as const;

const DECLINES: Readonly<Record<string, NetworkDecline>> = {
  [TEST_CARDS.insufficientFunds]: 'insufficient_funds',
  [TEST_CARDS.wrongPin]: 'wrong_pin',
  [TEST_CARDS.expired]: 'card_expired',
  [TEST_CARDS.declined]: 'card_declined',
};

/** BINs the simulator knows as credit cards, with their organisation. */
const CREDIT_BINS: Readonly<Record<string, string>> = {
  '625807': 'CUP',
  '622588': 'CUP',
  '411111': 'VIS',
  '550000': 'MCC',
};

export type SimulatorOptions = {
  readonly clock: Clock;
  /** Added to every answer, to exercise timeouts and concurrency. */
  readonly latencyMs?: number;
  /** Requests processed but never answered (a lost answer): reversals must undo them. */
  readonly dropAnswer?: (ref: string) => boolean;
};

type Hold = { amountFen: bigint; reversed: boolean; kind: 'sale' | 'void' | 'refund' };

export class CardNetworkSimulator implements CardNetwork {
  private readonly holds = new Map<string, Hold>();
  private readonly options: SimulatorOptions;

  constructor(options: SimulatorOptions) {
    this.options = options;
  }

  lookupCard(pan: string): CardInfo | null {
    const bin = pan.slice(0, 6);
    const creditOrg = CREDIT_BINS[bin];
    if (creditOrg) return { kind: 'credit', org: creditOrg };
    if (pan.startsWith('4')) return { kind: 'credit', org: 'VIS' };
    if (pan.startsWith('5')) return { kind: 'credit', org: 'MCC' };
    return { kind: 'debit', org: 'CUP' };
  }

  async authorize(request: AuthorizeRequest): Promise<NetworkAnswer> {
    await this.delay();
    const decline = request.pan ? this.declineFor(request.pan, request.expiry) : null;
    if (decline) return { result: 'declined', reason: decline };
    return this.answer(request.ref, request.amountFen, 'sale', request.pan === TEST_CARDS.timeout);
  }

  async void(request: FollowUpRequest): Promise<NetworkAnswer> {
    await this.delay();
    return this.answer(request.ref, request.amountFen, 'void', false);
  }

  async refund(request: FollowUpRequest): Promise<NetworkAnswer> {
    await this.delay();
    return this.answer(request.ref, request.amountFen, 'refund', false);
  }

  async reverse(ref: string): Promise<void> {
    await this.delay();
    const hold = this.holds.get(ref);
    if (hold) hold.reversed = true;
  }

  /** Sum of sales held and not reversed, less voids and refunds: what cardholders are charged. */
  chargedFen(): bigint {
    let total = 0n;
    for (const hold of this.holds.values()) {
      if (hold.reversed) continue;
      total += hold.kind === 'sale' ? hold.amountFen : -hold.amountFen;
    }
    return total;
  }

  private answer(
    ref: string,
    amountFen: bigint,
    kind: Hold['kind'],
    loseAnswer: boolean,
  ): NetworkAnswer {
    if (!this.holds.has(ref)) this.holds.set(ref, { amountFen, reversed: false, kind });
    if (loseAnswer || this.options.dropAnswer?.(ref)) return { result: 'timeout' };
    return { result: 'approved', authCode: authCodeOf(ref) };
  }

  private declineFor(pan: string, expiry: string | null): NetworkDecline | null {
    const fixed = DECLINES[pan];
    if (fixed) return fixed;
    if (expiry && /^\d{4}$/.test(expiry)) {
      const now = this.options.clock.now();
      const current = (now.getUTCFullYear() % 100) * 100 + now.getUTCMonth() + 1;
      if (Number(expiry) < current) return 'card_expired';
    }
    return null;
  }

  private async delay(): Promise<void> {
    const ms = this.options.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** A six-digit authorization code derived from the reference, so replays give the same code. */
function authCodeOf(ref: string): string {
  const digest = createHash('sha256').update(ref).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
