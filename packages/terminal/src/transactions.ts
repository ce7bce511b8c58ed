// The cashier's financial transactions: sale 消费 (0200), void 消费撤销 (0200, 20…, from the
// journal) and refund 退货 (0220, never reversed). Each returns the host's decision as a value.
import { encryptPinBlock } from '@shoudan/hsm';
import { type CupMessage, maskPan } from '@shoudan/iso8583';
import { isApproval } from './answer.ts';
import { type Context, identityOf, save, takeVoucherNo } from './context.ts';
import { findSale } from './journal.ts';
import {
  type CardData,
  type PinData,
  refundRequest,
  saleRequest,
  voidRequest,
} from './messages.ts';
import { exchangeFinancial, failed, flushReversal } from './reversal.ts';
import { type JournalEntry, toRecord } from './state.ts';
import type {
  CardInput,
  RefundInput,
  SaleInput,
  TransactionKind,
  TransactionResult,
  VoidInput,
} from './types.ts';

const AMOUNT_MAX_FEN = 999_999_999_999n;

/** A keyed PAN (13–19 digits, optional YYMM) or a track 2 `PAN=YYMM…`. */
export function readCard(input: CardInput): CardData | undefined {
  if (input.track2 !== undefined) {
    const track = /^([0-9]{13,19})=([0-9]{0,20})$/.exec(input.track2);
    if (track === null || input.track2.length > 37 || input.pan !== undefined) return undefined;
    const expiry = track[2]?.slice(0, 4) ?? '';
    const card = { pan: track[1] ?? '', track2: input.track2 };
    return expiry.length === 4 ? { ...card, expiry } : card;
  }
  if (input.pan === undefined || !/^[0-9]{13,19}$/.test(input.pan)) return undefined;
  if (input.expiry === undefined) return { pan: input.pan };
  return /^[0-9]{4}$/.test(input.expiry) ? { pan: input.pan, expiry: input.expiry } : undefined;
}

function validAmount(amountFen: bigint): boolean {
  return typeof amountFen === 'bigint' && amountFen > 0n && amountFen <= AMOUNT_MAX_FEN;
}

/** The PIN block under the PIK; `invalid` for a PIN that is not 4–12 digits. */
function pinFor(
  context: Context,
  pan: string,
  pin: string | undefined,
): PinData | 'invalid' | undefined {
  const pik = context.memory.workingKeys?.pik;
  if (pin === undefined || pik === undefined) return undefined;
  const block = encryptPinBlock({ pik, pin, pan });
  return block.ok ? { pinBlock: block.value } : 'invalid';
}

interface EntryInput {
  readonly kind: TransactionKind;
  readonly request: CupMessage;
  readonly answer: CupMessage;
  readonly card: CardData;
  readonly extra?: Partial<JournalEntry>;
}

function entryOf(context: Context, input: EntryInput): JournalEntry {
  const { answer, request } = input;
  // Terminals take the card number for the slip and the upload from the answer's field 2.
  const pan = answer.pan ?? input.card.pan;
  const entry: { -readonly [K in keyof JournalEntry]: JournalEntry[K] } = {
    kind: input.kind,
    batchNo: request.batchNo ?? context.memory.batchNo,
    voucherNo: request.stan ?? '',
    amountFen: answer.amountFen ?? request.amountFen ?? 0n,
    pan,
    maskedPan: maskPan(pan),
    entryMode: request.entryMode ?? '',
    rrn: answer.rrn ?? '',
    responseCode: answer.responseCode ?? '',
    at: context.options.clock.now(),
    operatorNo: context.settings.operatorNo.trim(),
    settled: false,
  };
  // Only what the answer carried: an entry holds no key set to undefined. Added one by one, in
  // this order, so that entries share their hidden classes and their stored form stays the same.
  if (answer.authorisationCode !== undefined) entry.authCode = answer.authorisationCode;
  if (answer.cardOrganisation !== undefined) entry.cardOrganisation = answer.cardOrganisation;
  if (answer.responseText !== undefined) entry.responseText = answer.responseText;
  if (answer.localDate !== undefined) entry.hostDate = answer.localDate;
  if (answer.localTime !== undefined) entry.hostTime = answer.localTime;
  if (answer.settlementDate !== undefined) entry.settlementDate = answer.settlementDate;
  return Object.assign(entry, input.extra);
}

/** The original sale of a void, marked voided by the void's voucher number once approved. */
interface Voided {
  readonly sale: JournalEntry;
  readonly byVoucherNo: string;
}

/** Clears the reversal and records an approval; a record that cannot be stored is reversed (96). */
async function conclude(
  context: Context,
  input: EntryInput,
  voided?: Voided,
): Promise<TransactionResult> {
  const { answer } = input;
  const memory = context.memory;
  const pending = memory.pendingReversal;
  memory.pendingReversal = undefined;
  if (!isApproval(answer.responseCode)) {
    await save(context);
    const text = answer.responseText === undefined ? {} : { responseText: answer.responseText };
    return { status: 'declined', responseCode: answer.responseCode ?? '', ...text };
  }
  // The journal is changed in place, not copied: it grows with every approval. Entries are
  // replaced, never modified, and a change that cannot be stored is undone.
  const journal = memory.journal;
  const entry = entryOf(context, input);
  const at = voided === undefined ? -1 : journal.lastIndexOf(voided.sale);
  if (voided !== undefined && at !== -1) {
    journal[at] = Object.assign({}, voided.sale, { voidedByVoucherNo: voided.byVoucherNo });
  }
  journal.push(entry);
  if (!(await save(context))) {
    journal.pop();
    if (voided !== undefined && at !== -1) journal[at] = voided.sale;
    if (pending !== undefined) {
      pending.reason = '96';
      memory.pendingReversal = pending;
    }
    return failed(context, 'storage_failed');
  }
  return { status: 'approved', transaction: toRecord(entry) };
}

/** Flushes a pending reversal, checks the terminal may send; a failure when it may not. */
async function prepare(context: Context) {
  if (context.memory.workingKeys === undefined) return failed(context, 'not_signed_in');
  return flushReversal(context);
}

/**
 * Sale 消费. Outcomes: approved; declined with 39 and 63.2; failed `not_signed_in`,
 * `invalid_input`, `reversal_unanswered`, `reversal_abandoned`, `connect_failed`, `no_answer`,
 * `invalid_answer`, `mac_invalid` (the last three keep a reversal), `storage_failed`.
 */
export async function sale(context: Context, input: SaleInput): Promise<TransactionResult> {
  const card = readCard(input);
  if (card === undefined || !validAmount(input.amountFen)) {
    return failed(context, 'invalid_input');
  }
  const stopped = await prepare(context);
  if (stopped !== undefined) return stopped;
  const pin = pinFor(context, card.pan, input.pin);
  if (pin === 'invalid') return failed(context, 'invalid_input');
  const stan = takeVoucherNo(context);
  const request = saleRequest(identityOf(context), { stan, amountFen: input.amountFen, card, pin });
  const answered = await exchangeFinancial(context, request, true);
  if (answered.kind === 'failed') return answered.failure;
  return conclude(context, {
    kind: 'sale',
    request: answered.request,
    answer: answered.answer,
    card,
  });
}

/**
 * Void 消费撤销 of a sale of the open batch, by its voucher number. Outcomes: those of `sale`,
 * and failed `original_not_found`, `already_voided`, `batch_settled` from the journal.
 */
export async function voidSale(context: Context, input: VoidInput): Promise<TransactionResult> {
  const found = findSale(context.memory.journal, input.voucherNo);
  if (found.kind !== 'found') return failed(context, found.kind);
  const original = found.sale;
  if (original.pan === undefined) return failed(context, 'batch_settled');
  const stopped = await prepare(context);
  if (stopped !== undefined) return stopped;
  const card: CardData = { pan: original.pan };
  const pin = pinFor(context, card.pan, input.pin);
  if (pin === 'invalid') return failed(context, 'invalid_input');
  const stan = takeVoucherNo(context);
  const request = voidRequest(identityOf(context), {
    stan,
    amountFen: original.amountFen,
    card,
    pin,
    rrn: original.rrn,
    authCode: original.authCode,
    originalBatchNo: original.batchNo,
    originalVoucherNo: original.voucherNo,
  });
  const answered = await exchangeFinancial(context, request, true);
  if (answered.kind === 'failed') return answered.failure;
  const extra = {
    originalVoucherNo: original.voucherNo,
    originalBatchNo: original.batchNo,
    originalRrn: original.rrn,
  };
  const entry = { kind: 'void' as const, request: answered.request, answer: answered.answer };
  return conclude(context, { ...entry, card, extra }, { sale: original, byVoucherNo: stan });
}

/**
 * Refund 退货 by the original's RRN and date; never reversed (a refund without an answer is
 * reported failed and keyed again as a new one). Outcomes: those of `sale`, no reversal kept.
 */
export async function refund(context: Context, input: RefundInput): Promise<TransactionResult> {
  const card = readCard(input);
  const keyed = /^[0-9A-Za-z]{12}$/.test(input.rrn) && /^[0-9]{4}$/.test(input.originalDateMmdd);
  if (card === undefined || !keyed || !validAmount(input.amountFen)) {
    return failed(context, 'invalid_input');
  }
  const stopped = await prepare(context);
  if (stopped !== undefined) return stopped;
  const stan = takeVoucherNo(context);
  const request = refundRequest(identityOf(context), {
    stan,
    amountFen: input.amountFen,
    card,
    rrn: input.rrn,
    originalDate: input.originalDateMmdd,
  });
  const answered = await exchangeFinancial(context, request, false);
  if (answered.kind === 'failed') return answered.failure;
  const extra = { originalRrn: input.rrn, originalDate: input.originalDateMmdd };
  const entry = { kind: 'refund' as const, request: answered.request, answer: answered.answer };
  return conclude(context, { ...entry, card, extra });
}
