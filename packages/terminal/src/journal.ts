// The terminal's own journal of approved transactions: finding a sale to void, listing today's
// sales, the batch totals of field 48 (§5), the batch-upload records, and closing a batch.
import { type CardTotals, maskPan, type SettlementTotals } from '@shoudan/iso8583';
import type { JournalEntry } from './state.ts';
import type { ListVoidableInput } from './types.ts';

/** Entries kept after their batch is settled (for reprints), newest last. */
export const SETTLED_ENTRIES_KEPT = 500;
/** Magstripe records per batch-upload 0320 (48 is at most 322 digits). */
export const RECORDS_PER_UPLOAD = 8;

export function openEntries(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter((entry) => !entry.settled);
}

export type SaleLookup =
  | { readonly kind: 'found'; readonly sale: JournalEntry }
  | { readonly kind: 'original_not_found' | 'already_voided' | 'batch_settled' };

/**
 * The sale with this voucher number in the open batch; else, to explain, whether a settled batch
 * had one. Newest first, without copying: a void is mostly of a recent sale, and every settled
 * entry comes before the open batch's (`closeBatch`), so the first match decides.
 */
export function findSale(journal: readonly JournalEntry[], voucherNo: string): SaleLookup {
  for (let i = journal.length - 1; i >= 0; i--) {
    const entry = journal[i];
    if (entry === undefined || entry.voucherNo !== voucherNo || entry.kind !== 'sale') continue;
    if (entry.settled) return { kind: 'batch_settled' };
    return entry.voidedByVoucherNo === undefined
      ? { kind: 'found', sale: entry }
      : { kind: 'already_voided' };
  }
  return { kind: 'original_not_found' };
}

/** Sales of the open batch, not voided, approved within [from, to), oldest first. */
export function voidableSales(
  journal: readonly JournalEntry[],
  range: ListVoidableInput,
): JournalEntry[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  return openEntries(journal).filter((entry) => {
    const at = entry.at.getTime();
    return entry.kind === 'sale' && entry.voidedByVoucherNo === undefined && at >= from && at < to;
  });
}

/** Domestic (内卡) only when 63.1 was `CUP`; refunds answered `000` count as domestic (§5). */
export function isDomestic(entry: JournalEntry): boolean {
  const organisation = entry.cardOrganisation;
  return organisation === 'CUP' || (entry.kind === 'refund' && organisation === '000');
}

interface Tally {
  debitAmountFen: bigint;
  debitCount: number;
  creditAmountFen: bigint;
  creditCount: number;
}

function block(tally: Tally): CardTotals {
  return { ...tally, reconciliationCode: '0' };
}

/** Debit: every approved sale, voided ones included. Credit: approved voids and refunds. */
export function batchTotals(entries: readonly JournalEntry[]): SettlementTotals {
  const zero = (): Tally => ({
    debitAmountFen: 0n,
    debitCount: 0,
    creditAmountFen: 0n,
    creditCount: 0,
  });
  const domestic = zero();
  const foreign = zero();
  for (const entry of entries) {
    const tally = isDomestic(entry) ? domestic : foreign;
    if (entry.kind === 'sale') {
      tally.debitAmountFen += entry.amountFen;
      tally.debitCount += 1;
    } else {
      tally.creditAmountFen += entry.amountFen;
      tally.creditCount += 1;
    }
  }
  return { domestic: block(domestic), foreign: block(foreign) };
}

/**
 * The magstripe batch-upload records (§5) of the sales that stand (not voided), 8 to a message:
 * count n2, then per record organisation n2 (`00` CUP) · voucher n6 · PAN n20 · amount n12.
 */
export function uploadRecords(entries: readonly JournalEntry[]): string[] {
  const standing = entries.filter((e) => e.kind === 'sale' && e.voidedByVoucherNo === undefined);
  const chunks: string[] = [];
  for (let start = 0; start < standing.length; start += RECORDS_PER_UPLOAD) {
    const records = standing.slice(start, start + RECORDS_PER_UPLOAD).map((entry) => {
      const organisation = entry.cardOrganisation === 'CUP' ? '00' : '01';
      const pan = (entry.pan ?? '').padStart(20, '0');
      const amount = entry.amountFen.toString().padStart(12, '0');
      return `${organisation}${entry.voucherNo}${pan}${amount}`;
    });
    chunks.push(`${String(records.length).padStart(2, '0')}${records.join('')}`);
  }
  return chunks;
}

/** Marks the open batch settled and forgets its card numbers; keeps the newest entries. */
export function closeBatch(journal: readonly JournalEntry[]): JournalEntry[] {
  const closed = journal.map((entry): JournalEntry => {
    if (entry.settled) return entry;
    const { pan, ...rest } = entry;
    return {
      ...rest,
      maskedPan: pan === undefined ? entry.maskedPan : maskPan(pan),
      settled: true,
    };
  });
  return closed.slice(-SETTLED_ENTRIES_KEPT);
}
