// What the payment use cases need, and the steps they share: duplicate replay, recording a
// decline, checking that the terminal may transact.
import type { Clock } from '../shared/clock.ts';
import type { Ids } from '../shared/ids.ts';
import type { CutoffTime } from '../shared/business-date.ts';
import { cutoffInstantOf } from '../shared/business-date.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { outcome, type Outcome, type OutcomeCode } from '../shared/outcome.ts';
import type { CardNetwork } from './card-network.ts';
import {
  balancedEntry,
  type EntryKind,
  type JournalEntry,
  type JournalLine,
} from '../ledger/model.ts';
import type { RequestKey, Service, TransactionRecord } from './model.ts';
import type { PaymentsStore, PaymentsTx, TerminalContext } from './store.ts';
import type { TerminalSnapshots } from './terminal-snapshots.ts';

export type PaymentRules = {
  /** Cutoff (日切) time of day, Asia/Shanghai, `HH:MM`. */
  readonly cutoffTime: CutoffTime;
  /** How many days after its cutoff a sale can still be refunded. */
  readonly refundWindowDays: number;
  /**
   * How long a terminal's facts read under its lock may decide its next sale, which then asks
   * the card network before opening (`TerminalSnapshots`); 0: every sale opens first. Needs a
   * network that answers a repeated authorization of one reference as the first time.
   */
  readonly saleSnapshotTtlMs: number;
};

export type PaymentsDeps = {
  readonly store: PaymentsStore;
  readonly snapshots: TerminalSnapshots;
  readonly network: CardNetwork;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly rules: PaymentRules;
};

/** An approved answer: the record, whether it is a replay of an earlier answer, and for a sale
 * the instant after which it can no longer be voided (its business date's cutoff). */
export type PaymentApproved = {
  readonly transaction: TransactionRecord;
  readonly duplicate: boolean;
  readonly voidableUntil: Date | null;
};

export type PaymentResult = Result<PaymentApproved, Outcome>;

/** The answer to a retransmitted request: the first answer again, or a conflict. */
export function replay(
  existing: TransactionRecord,
  hash: string,
  rules: PaymentRules,
): PaymentResult {
  if (existing.requestHash === null) return err(outcome('already_reversed'));
  if (existing.requestHash !== hash) return err(outcome('duplicate_with_different_content'));
  if (existing.status === 'declined') {
    return err(outcome(existing.outcomeCode ?? 'card_declined', { duplicate: true }));
  }
  if (existing.status === 'reversed') return err(outcome('already_reversed'));
  const voidableUntil =
    existing.kind === 'sale' && existing.status === 'approved'
      ? cutoffInstantOf(existing.businessDate, rules.cutoffTime)
      : null;
  return ok({ transaction: existing, duplicate: true, voidableUntil });
}

/** Why this terminal may not transact now for `service` (null: it may). */
export function terminalRefusal(ctx: TerminalContext, service: Service | null): OutcomeCode | null {
  if (ctx.terminalStatus === 'frozen') return 'terminal_frozen';
  if (ctx.terminalStatus !== 'active') return 'terminal_not_active';
  if (ctx.merchantStatus !== 'active') return 'merchant_not_active';
  if (!ctx.signedIn) return 'terminal_not_signed_in';
  if (ctx.batchStatus !== 'open') return 'batch_not_open';
  if (service !== null && !ctx.activeServices.includes(service)) return 'service_not_active';
  return null;
}

/** Records a declined request, so that a retransmission gets the same answer, and returns it. */
export async function recordDecline(
  tx: PaymentsTx,
  record: DraftRecord,
  code: OutcomeCode,
  detail?: Record<string, string>,
): Promise<PaymentResult> {
  await tx.insertTransaction({ ...record, status: 'declined', outcomeCode: code });
  return err(outcome(code, detail));
}

/** How a payment whose write failed answers from what the store holds under its key. */
export type RecordedAfterDefect<T> = {
  readonly store: PaymentsStore;
  readonly key: RequestKey;
  readonly answer: (found: TransactionRecord) => T;
};

/**
 * Runs `work` after the network was (or may be) asked for `ref`. When it fails, whatever the
 * network holds for `ref` is released and the defect goes on, unless `recorded` says where the
 * payment would be recorded and something is found there: a failed write may have committed all
 * the same (the answer to a COMMIT can be lost after the server committed), so the record under
 * the key is read back once any write in flight has ended (`PaymentsStore.recordedUnder`). A
 * record with an authorization code owns the network's approval of `ref` (one per key), which is
 * kept; one without releases it; either answers through `recorded.answer`. When the store cannot
 * be read either, the hold is released as if nothing was recorded.
 */
export async function releasedOnDefect<T>(
  deps: PaymentsDeps,
  ref: string,
  work: () => Promise<T>,
  recorded?: RecordedAfterDefect<T>,
): Promise<T> {
  try {
    return await work();
  } catch (defect) {
    const found = await recorded?.store.recordedUnder(recorded.key).catch(() => undefined);
    if (!found || found.authCode === null) await releaseHold(deps, ref);
    if (found && recorded) return recorded.answer(found);
    throw defect;
  }
}

/**
 * Releases what the network holds for `ref` (outside any transaction of the store). A reversal
 * the network does not take (unreachable, an error) is kept and sent again later
 * (`retryReversals`), as a terminal keeps its pending reversal; when it cannot be kept either,
 * only the network's reconciliation would show the hold.
 */
export async function releaseHold(deps: PaymentsDeps, ref: string): Promise<void> {
  try {
    await deps.network.reverse(ref);
  } catch {
    await deps.store.keepReversal(ref, deps.clock.now()).catch(() => undefined);
  }
}

/**
 * Runs a request's transaction (an opened sale, void or refund) after the network was or may be
 * asked for `ref`: if it fails, the record under its key answers as to a retransmission, or,
 * with none, the network's hold is released (`releasedOnDefect`).
 */
export function releasedOrReplayed(
  deps: PaymentsDeps,
  request: { readonly key: RequestKey; readonly ref: string; readonly hash: string },
  work: () => Promise<PaymentResult>,
): Promise<PaymentResult> {
  const { key, ref, hash } = request;
  return releasedOnDefect(deps, ref, work, {
    store: deps.store,
    key,
    answer: (found) => replay(found, hash, deps.rules),
  });
}

/** The network's answer as a payment reads it: its authorization code, or why it refused. */
export type NetworkReply = { readonly approved: string } | { readonly refused: OutcomeCode };

/** Calls the network; a missing answer is reversed at once so no hold is left behind. */
export async function askNetwork(
  network: CardNetwork,
  ref: string,
  call: () => ReturnType<CardNetwork['authorize']>,
): Promise<NetworkReply> {
  const answer = await call();
  if (answer.result === 'approved') return { approved: answer.authCode };
  if (answer.result === 'declined') return { refused: answer.reason };
  await network.reverse(ref);
  return { refused: 'network_timeout' };
}

/**
 * The network approved `ref` for a request the books will not record as approved: release it.
 * (The network answers a key the same however often it is asked, so a reply may be an earlier
 * request's approval; callers release only when no record of ours rests on it.)
 */
export async function releaseUnused(
  network: CardNetwork,
  ref: string,
  reply: NetworkReply | undefined,
): Promise<void> {
  if (reply && 'approved' in reply) await network.reverse(ref);
}

/** A payment decided on its terminal's snapshot, its network reply in hand (sale or void). */
export type DecidedOnSnapshot = {
  readonly key: RequestKey;
  readonly ref: string;
  readonly reply: NetworkReply;
  /** Its record before the outcome. */
  readonly draft: DraftRecord;
  /** The entry an approval posts: its kind, business date and lines. */
  readonly posting: {
    readonly kind: EntryKind;
    readonly businessDate: string;
    readonly lines: readonly JournalLine[];
  };
  /** What an approval answers as `voidableUntil`. */
  readonly voidableUntil: Date | null;
  /** Records it in one round trip if its facts still hold (the store's expected payment). */
  readonly write: (
    record: Omit<TransactionRecord, 'rrn'>,
    entry: JournalEntry | null,
  ) => Promise<{ readonly rrn: string } | undefined>;
};

/**
 * Records a payment decided on its terminal's snapshot: approved with the network's code and
 * its entry, or declined with the network's reason. Recorded, the snapshot is confirmed and the
 * answer returned; not (its facts changed), the snapshot is forgotten and the reply returned for
 * the payment to open with.
 */
export async function recordOnSnapshot(
  deps: PaymentsDeps,
  decided: DecidedOnSnapshot,
): Promise<{ result: PaymentResult } | { reply: NetworkReply }> {
  const { key, reply, draft, posting } = decided;
  const record: Omit<TransactionRecord, 'rrn'> =
    'refused' in reply
      ? { ...draft, status: 'declined', outcomeCode: reply.refused }
      : { ...draft, authCode: reply.approved, status: 'approved', outcomeCode: null };
  const entry =
    record.status === 'approved'
      ? balancedEntry({
          id: deps.ids.next(),
          kind: posting.kind,
          merchantId: record.merchantId,
          transactionId: record.id,
          settlementId: null,
          businessDate: posting.businessDate,
          createdAt: record.createdAt,
          lines: posting.lines,
        })
      : null;
  // Its own record found after a failure was written; another's (a retransmission's) was not.
  const written = await releasedOnDefect(deps, decided.ref, () => decided.write(record, entry), {
    store: deps.store,
    key,
    answer: (found) => (found.id === record.id ? { rrn: found.rrn } : undefined),
  });
  if (!written) {
    deps.snapshots.forget(key.terminalId);
    return { reply };
  }
  deps.snapshots.confirmed(key);
  if ('refused' in reply) return { result: err(outcome(reply.refused)) };
  const transaction = { ...record, rrn: written.rrn };
  return { result: ok({ transaction, duplicate: false, voidableUntil: decided.voidableUntil }) };
}

/** A transaction about to be recorded: everything but what the outcome decides. */
export type DraftRecord = Omit<TransactionRecord, 'rrn' | 'status' | 'outcomeCode'> & {
  /** An RRN reserved for the request; else the store assigns one. */
  readonly rrn?: string;
};

type DraftFields = Pick<
  DraftRecord,
  'id' | 'merchantId' | 'kind' | 'amountFen' | 'businessDate' | 'requestHash' | 'createdAt'
> &
  Partial<DraftRecord>;

/** A draft for the request `key`, with the defaults of a request that moved no money yet. */
export function draftRecord(key: RequestKey, fields: DraftFields): DraftRecord {
  return {
    terminalId: key.terminalId,
    batchNo: key.batchNo,
    voucherNo: key.voucherNo,
    feeFen: 0n,
    feeRateBps: null,
    service: null,
    paymentMethod: 'card',
    panMasked: null,
    cardOrg: null,
    authCode: null,
    originalId: null,
    refundedFen: 0n,
    closedAt: null,
    ...fields,
  };
}

/** What a void or refund copies from its original sale. */
export function copiedFromOriginal(original: TransactionRecord | undefined): Partial<DraftRecord> {
  if (!original) return {};
  return {
    service: original.service,
    paymentMethod: original.paymentMethod,
    panMasked: original.panMasked,
    cardOrg: original.cardOrg,
    originalId: original.id,
  };
}

/** Records an approved request with its balanced journal entry, and the terminal's voucher. */
export async function recordApproval(
  deps: Pick<PaymentsDeps, 'ids'>,
  tx: PaymentsTx,
  draft: DraftRecord,
  posting: { kind: EntryKind; businessDate: string; lines: readonly JournalLine[] },
): Promise<TransactionRecord> {
  const record = await tx.insertTransaction({ ...draft, status: 'approved', outcomeCode: null });
  await tx.postEntry(
    balancedEntry({
      id: deps.ids.next(),
      kind: posting.kind,
      merchantId: draft.merchantId,
      transactionId: record.id,
      settlementId: null,
      businessDate: posting.businessDate,
      createdAt: draft.createdAt,
      lines: posting.lines,
    }),
  );
  return record;
}
