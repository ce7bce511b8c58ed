// A seeded POS terminal for the demo: keeps its batch and voucher numbers like a real one and
// counts its own batch totals, so its settlement (结算) can be compared with the host's.
import {
  isDomesticCard,
  nextVoucherNo,
  type BatchSettled,
  type Engine,
  type PaymentResult,
  type TotalsBlock,
  type TransactionRecord,
} from '@shoudan/core';
import type { Tender } from './demo-data.ts';

type Tally = { debitFen: bigint; debitCount: number; creditFen: bigint; creditCount: number };

const emptyTally = (): Tally => ({ debitFen: 0n, debitCount: 0, creditFen: 0n, creditCount: 0 });

export class DemoPos {
  readonly terminalId: string;
  readonly merchantIndex: number;
  batchNo = 1;
  voucherNo = 0;
  private readonly engine: Engine;
  private domestic: Tally = emptyTally();
  private foreign: Tally = emptyTally();

  constructor(engine: Engine, terminalId: string, merchantIndex: number) {
    this.engine = engine;
    this.terminalId = terminalId;
    this.merchantIndex = merchantIndex;
  }

  async signIn(): Promise<void> {
    const signed = await this.engine.signIn({ terminalId: this.terminalId });
    if (!signed.ok) throw new Error(`demo terminal ${this.terminalId}: ${signed.outcome.code}`);
    this.batchNo = signed.value.batchNo;
    this.voucherNo = Math.max(this.voucherNo, signed.value.lastVoucherNo);
  }

  async sale(amountFen: bigint, tender: Tender): Promise<PaymentResult> {
    const key = this.nextKey();
    const result = await this.engine.sale(
      tender.method === 'card'
        ? { ...key, amountFen, method: 'card', card: { pan: tender.pan } }
        : { ...key, amountFen, method: tender.method, payerCode: tender.payerCode },
    );
    if (result.ok) this.count(result.value.transaction, 'debit');
    return result;
  }

  async voidSale(original: TransactionRecord): Promise<PaymentResult> {
    const result = await this.engine.voidSale({
      ...this.nextKey(),
      amountFen: original.amountFen,
      original: { batchNo: original.batchNo, voucherNo: original.voucherNo },
    });
    if (result.ok) this.count(result.value.transaction, 'credit');
    return result;
  }

  async refund(original: TransactionRecord, amountFen: bigint): Promise<PaymentResult> {
    const result = await this.engine.refund({
      ...this.nextKey(),
      amountFen,
      original: { rrn: original.rrn },
    });
    if (result.ok) this.count(result.value.transaction, 'credit');
    return result;
  }

  /** Settles the open batch with the totals this terminal counted; opens the next batch. */
  async settle(): Promise<BatchSettled> {
    const settled = await this.engine.settleBatch({
      terminalId: this.terminalId,
      batchNo: this.batchNo,
      terminalTotals: { domestic: block(this.domestic), foreign: block(this.foreign) },
    });
    if (!settled.ok) throw new Error(`demo settlement ${this.terminalId}: ${settled.outcome.code}`);
    this.batchNo = settled.value.nextBatchNo;
    this.domestic = emptyTally();
    this.foreign = emptyTally();
    return settled.value;
  }

  private nextKey(): { terminalId: string; batchNo: number; voucherNo: number } {
    this.voucherNo = nextVoucherNo(this.voucherNo);
    return { terminalId: this.terminalId, batchNo: this.batchNo, voucherNo: this.voucherNo };
  }

  /** As the host counts: sales (later voided or not) are debits; voids and refunds credits. */
  private count(t: TransactionRecord, side: 'debit' | 'credit'): void {
    const tally = isDomesticCard(t.cardOrg) ? this.domestic : this.foreign;
    if (side === 'debit') {
      tally.debitFen += t.amountFen;
      tally.debitCount += 1;
    } else {
      tally.creditFen += t.amountFen;
      tally.creditCount += 1;
    }
  }
}

function block(t: Tally): TotalsBlock {
  return { ...t };
}
