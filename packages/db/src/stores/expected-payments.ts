// Group commit of expected payments on a PostgreSQL server: sales and voids decided on their
// terminals' snapshots, their network answers in hand, are recorded together in one statement and
// one round trip (`record_expected_sales` and `record_expected_voids` in one SELECT, which is its
// own transaction: the connection's isolation is read committed). Each payment's facts are checked
// under its locks as they would be alone, and those that hold are recorded; each is answered after
// the shared commit, and if that fails all of the group fail and nothing of any is recorded.
//
// Two groups are under way at most, on two connections: one is checked and written while the
// other waits for its flush. A group holds at most half of the payments under way (waiting, or in
// a group), one per terminal, and while a group is under way the payments waiting wait for those
// it is about to answer (their terminals come right back) rather than go in a group of their own
// (`Hold`). With groups of one (group commit off), each payment is a call of its own.
import type pg from 'pg';
import { assert, type ExpectedSale, type ExpectedVoid } from '@shoudan/core';
import { Hold } from './hold.ts';
import { expectedAnswerOf, expectedSalesJson, expectedVoidsJson } from './payments-tx.ts';

/** Groups under way at once. Three or more make them smaller, and the flushes more. */
const GROUPS_UNDER_WAY_MAX = 2;

type Answer = { readonly rrn: string } | undefined;

type Payment =
  | { readonly kind: 'sale'; readonly sale: ExpectedSale }
  | { readonly kind: 'void'; readonly void: ExpectedVoid };

type Waiting = {
  readonly payment: Payment;
  readonly answer: (answer: Answer) => void;
  readonly fail: (error: unknown) => void;
};

const STATEMENT = {
  name: 'record_expected_payments',
  text:
    'select record_expected_sales($1::jsonb) as sales, ' +
    'record_expected_voids($2::jsonb) as voids',
};

export class ExpectedPayments {
  private readonly pool: pg.Pool;
  private readonly sizeMax: number;
  private readonly groupsMax: number;
  private waiting: Waiting[] = [];
  private groupsUnderWay = 0;
  /** Payments in the groups under way. */
  private paymentsUnderWay = 0;
  private readonly hold = new Hold(() => this.pump());

  constructor(pool: pg.Pool, sizeMax: number) {
    this.pool = pool;
    this.sizeMax = sizeMax;
    this.groupsMax = sizeMax > 1 ? GROUPS_UNDER_WAY_MAX : Number.POSITIVE_INFINITY;
  }

  /** Records the payment in the next group; answers after its commit (undefined: not recorded). */
  record(payment: Payment): Promise<Answer> {
    return new Promise((answer, fail) => {
      this.waiting.push({ payment, answer, fail });
      this.pump();
    });
  }

  private pump(): void {
    while (this.groupsUnderWay < this.groupsMax && this.waiting.length > 0) {
      const underWay = this.paymentsUnderWay + this.waiting.length;
      const size = Math.min(this.sizeMax, Math.ceil(underWay / 2));
      if (this.hold.holds(this.waiting.length, Math.min(size, this.paymentsUnderWay))) return;
      this.hold.end();
      const picked: Waiting[] = [];
      const rest: Waiting[] = [];
      const terminals = new Set<string>();
      for (const w of this.waiting) {
        const terminalId = recordOf(w.payment).terminalId;
        if (picked.length < size && !terminals.has(terminalId)) {
          terminals.add(terminalId);
          picked.push(w);
        } else {
          rest.push(w);
        }
      }
      this.waiting = rest;
      this.groupsUnderWay++;
      this.paymentsUnderWay += picked.length;
      void this.write(picked).finally(() => {
        this.groupsUnderWay--;
        this.paymentsUnderWay -= picked.length;
        this.pump();
      });
    }
  }

  /** Records the group in one round trip and answers each of its payments. */
  private async write(picked: readonly Waiting[]): Promise<void> {
    const sales = picked.filter((w) => w.payment.kind === 'sale');
    const voids = picked.filter((w) => w.payment.kind === 'void');
    let answers: { sales: unknown[]; voids: unknown[] };
    try {
      const result = await this.pool.query({
        ...STATEMENT,
        values: [
          expectedSalesJson(
            sales.map((w) => (w.payment.kind === 'sale' ? w.payment.sale : fail())),
          ),
          expectedVoidsJson(
            voids.map((w) => (w.payment.kind === 'void' ? w.payment.void : fail())),
          ),
        ],
      });
      answers = { sales: listOf(result.rows[0]?.sales), voids: listOf(result.rows[0]?.voids) };
      assert(answers.sales.length === sales.length, 'an answer per expected sale');
      assert(answers.voids.length === voids.length, 'an answer per expected void');
    } catch (error) {
      for (const w of picked) w.fail(error);
      return;
    }
    sales.forEach((w, i) => w.answer(expectedAnswerOf(answers.sales[i])));
    voids.forEach((w, i) => w.answer(expectedAnswerOf(answers.voids[i])));
  }
}

function recordOf(payment: Payment) {
  return payment.kind === 'sale' ? payment.sale.record : payment.void.record;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function fail(): never {
  throw new Error('a payment of the other kind');
}
