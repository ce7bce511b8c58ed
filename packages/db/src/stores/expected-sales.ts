// Group commit of expected sales on a PostgreSQL server: sales decided on their terminals'
// snapshots, their network answers in hand, are recorded together by one call of
// `record_expected_sales`, one statement and one round trip (its own transaction: the connection's
// isolation is read committed). The call checks each sale's facts under its terminal's lock as it
// would alone and records those whose facts hold; each sale is answered after the shared commit,
// and if that fails all of them fail and nothing of any is recorded.
//
// Two groups are under way at most, on two connections: one is checked and written while the
// other waits for its flush. A group holds at most half of the sales under way (waiting, or in a
// group), one per terminal, and while a group is under way the sales waiting wait for those it is
// about to answer (their terminals come right back) rather than go in a group of their own
// (`Hold`). With groups of one (group commit off), each sale is a call of its own.
import type pg from 'pg';
import { assert, type ExpectedSale } from '@shoudan/core';
import { Hold } from './hold.ts';
import { expectedSaleAnswerOf, expectedSalesJson } from './payments-tx.ts';

/** Groups under way at once. Three or more make them smaller, and the flushes more. */
const GROUPS_UNDER_WAY_MAX = 2;

type Answer = { readonly rrn: string } | undefined;

type Waiting = {
  readonly sale: ExpectedSale;
  readonly answer: (answer: Answer) => void;
  readonly fail: (error: unknown) => void;
};

export class ExpectedSaleGroups {
  private readonly pool: pg.Pool;
  private readonly sizeMax: number;
  private readonly groupsMax: number;
  private waiting: Waiting[] = [];
  private groupsUnderWay = 0;
  /** Sales in the groups under way. */
  private salesUnderWay = 0;
  private readonly hold = new Hold(() => this.pump());

  constructor(pool: pg.Pool, sizeMax: number) {
    this.pool = pool;
    this.sizeMax = sizeMax;
    this.groupsMax = sizeMax > 1 ? GROUPS_UNDER_WAY_MAX : Number.POSITIVE_INFINITY;
  }

  /** Records the sale in the next group; answers after its commit (undefined: not recorded). */
  record(sale: ExpectedSale): Promise<Answer> {
    return new Promise((answer, fail) => {
      this.waiting.push({ sale, answer, fail });
      this.pump();
    });
  }

  private pump(): void {
    while (this.groupsUnderWay < this.groupsMax && this.waiting.length > 0) {
      const size = Math.min(
        this.sizeMax,
        Math.ceil((this.salesUnderWay + this.waiting.length) / 2),
      );
      if (this.hold.holds(this.waiting.length, Math.min(size, this.salesUnderWay))) return;
      this.hold.end();
      const picked: Waiting[] = [];
      const rest: Waiting[] = [];
      const terminals = new Set<string>();
      for (const w of this.waiting) {
        const terminalId = w.sale.record.terminalId;
        if (picked.length < size && !terminals.has(terminalId)) {
          terminals.add(terminalId);
          picked.push(w);
        } else {
          rest.push(w);
        }
      }
      this.waiting = rest;
      this.groupsUnderWay++;
      this.salesUnderWay += picked.length;
      void this.write(picked).finally(() => {
        this.groupsUnderWay--;
        this.salesUnderWay -= picked.length;
        this.pump();
      });
    }
  }

  /** Records the group in one round trip and answers each of its sales. */
  private async write(picked: readonly Waiting[]): Promise<void> {
    let answers: unknown;
    try {
      const result = await this.pool.query({
        name: 'record_expected_sales',
        text: 'select record_expected_sales($1::jsonb) as answers',
        values: [expectedSalesJson(picked.map((w) => w.sale))],
      });
      answers = result.rows[0]?.answers;
      assert(Array.isArray(answers) && answers.length === picked.length, 'an answer per sale');
    } catch (error) {
      for (const w of picked) w.fail(error);
      return;
    }
    picked.forEach((w, i) => w.answer(expectedSaleAnswerOf(answers[i])));
  }
}
