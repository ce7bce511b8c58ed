// Terminal settlement (0500): host totals by domestic/foreign card and debit/credit, the balance
// answer, the batch closed and the next one opened, repeats answered the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, createWorld, TestPos, type World } from '@shoudan/db/testing';
import { TEST_CARDS } from '../payments/card-network-simulator.ts';
import { EMPTY_BLOCK, type BatchTotals } from './model.ts';

let world: World;
let pos: TestPos;

beforeAll(async () => {
  world = await createWorld(await openTestDatabase());
  pos = new TestPos(world.engine, world.merchant.terminalIds[0] ?? '');
});
afterAll(async () => world.database.close());

describe('terminal settlement', () => {
  it('counts sales (voided ones too) as debits, voids as credits, reversed nowhere', async () => {
    const a = await pos.sale(1_000n);
    const b = await pos.sale(2_000n);
    await pos.sale(4_000n, TEST_CARDS.foreignCredit);
    const reversed = await pos.sale(9_000n);
    await pos.sale(5_000n, TEST_CARDS.insufficientFunds);
    if (!a.ok || !b.ok || !reversed.ok) throw new Error('sales failed');
    await pos.voidSale(b.value.transaction, 2_000n);
    await world.engine.reverse({ ...reversed.value.transaction, kind: 'sale', amountFen: 9_000n });
    const expected: BatchTotals = {
      domestic: { debitFen: 3_000n, debitCount: 2, creditFen: 2_000n, creditCount: 1 },
      foreign: { debitFen: 4_000n, debitCount: 1, creditFen: 0n, creditCount: 0 },
    };
    const result = await world.engine.settleBatch({
      terminalId: pos.terminalId,
      batchNo: 1,
      terminalTotals: expected,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        hostTotals: expected,
        domesticBalanced: true,
        foreignBalanced: true,
        balanced: true,
        nextBatchNo: 2,
        duplicate: false,
      },
    });
  });

  it('a repeated settlement gets the same answer; the next batch is open', async () => {
    const repeat = await world.engine.settleBatch({
      terminalId: pos.terminalId,
      batchNo: 1,
      terminalTotals: { domestic: EMPTY_BLOCK, foreign: EMPTY_BLOCK },
    });
    expect(repeat.ok && repeat.value.duplicate).toBe(true);
    expect(repeat.ok && repeat.value.balanced).toBe(true);
    pos.batchNo = 2;
    expect((await pos.sale(100n)).ok).toBe(true);
    pos.batchNo = 1;
    const stale = await pos.sale(100n);
    expect(!stale.ok && stale.outcome.code).toBe('batch_not_open');
    pos.batchNo = 2;
  });

  it('answers "not balanced" per block when the terminal counted differently', async () => {
    const result = await world.engine.settleBatch({
      terminalId: pos.terminalId,
      batchNo: 2,
      terminalTotals: {
        domestic: { debitFen: 999n, debitCount: 1, creditFen: 0n, creditCount: 0 },
        foreign: EMPTY_BLOCK,
      },
    });
    expect(result.ok && result.value.domesticBalanced).toBe(false);
    expect(result.ok && result.value.foreignBalanced).toBe(true);
    expect(result.ok && result.value.balanced).toBe(false);
    expect(result.ok && result.value.hostTotals.domestic.debitFen).toBe(100n);
  });

  it('refuses a batch the terminal does not have open, and an unknown terminal', async () => {
    const wrong = await world.engine.settleBatch({
      terminalId: pos.terminalId,
      batchNo: 77,
      terminalTotals: { domestic: EMPTY_BLOCK, foreign: EMPTY_BLOCK },
    });
    expect(!wrong.ok && wrong.outcome.code).toBe('batch_not_open');
    const unknown = await world.engine.settleBatch({
      terminalId: 'NOBODY01',
      batchNo: 1,
      terminalTotals: { domestic: EMPTY_BLOCK, foreign: EMPTY_BLOCK },
    });
    expect(!unknown.ok && unknown.outcome.code).toBe('terminal_not_found');
  });
});
