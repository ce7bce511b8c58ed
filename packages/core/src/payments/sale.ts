// Sale (消费): checks the terminal, merchant and service, asks the card network, records the
// transaction and its balanced journal entry at the rate in force, and answers after commit.
//
// Two ways to the same answer. A terminal whose facts the engine read a moment ago (a snapshot:
// its context, its fee rate) asks the network first and is recorded in one round trip, if under
// the terminal's lock the facts are still those and the request key unused. Any other sale, and
// one whose facts changed meanwhile, opens first (the locks, the facts), then asks the network
// (unless it already did), then is recorded. The network's answer for a request key is the same
// however often it is asked, so a sale that asked it and is then refused, or found to be a
// retransmission, releases what the network holds for the key when no record of ours rests on it.
import { assert } from '../shared/assert.ts';
import { cutoffInstantOf, businessDateOf, type BusinessDate } from '../shared/business-date.ts';
import { feeFen } from '../shared/money.ts';
import { maskPan, isPan } from '../shared/pan.ts';
import { err, ok } from '../shared/result.ts';
import { outcome } from '../shared/outcome.ts';
import { saleLines } from '../ledger/model.ts';
import type { AuthorizeRequest, CardInfo } from './card-network.ts';
import {
  networkRef,
  requestHash,
  serviceFor,
  type PaymentMethod,
  type RequestKey,
  type Service,
} from './model.ts';
import type { FeeRate, TerminalContext } from './store.ts';
import {
  askNetwork,
  draftRecord,
  recordApproval,
  recordDecline,
  recordOnSnapshot,
  releasedOrReplayed,
  releasedOnDefect,
  releaseUnused,
  replay,
  terminalRefusal,
  type DraftRecord,
  type NetworkReply,
  type PaymentResult,
  type PaymentsDeps,
} from './deps.ts';

// A sale touches only its own rows after openSale: it may share a group commit.
const GROUPABLE = { groupable: true } as const;

export type SaleInput = RequestKey & {
  readonly amountFen: bigint;
  readonly method: PaymentMethod;
  /** Card payments: the card as read by the terminal. Never stored; only its masked PAN is. */
  readonly card?: {
    readonly pan: string;
    readonly expiry?: string | null;
    readonly pinPresent?: boolean;
  };
  /** QR payments: the payer's code. */
  readonly payerCode?: string;
};

/** What a sale is, worked out before anything is asked. */
type SaleRequest = {
  readonly input: SaleInput;
  readonly pan: string | null;
  readonly card: CardInfo | null;
  readonly service: Service;
  readonly hash: string;
  readonly ref: string;
  readonly at: Date;
  /** The business date of its instant; the sale's own is the first open one from it. */
  readonly date: BusinessDate;
};

/**
 * Outcomes: invalid_amount, invalid_card_number, terminal_not_found, terminal_frozen,
 * terminal_not_active, merchant_not_active, terminal_not_signed_in, batch_not_open,
 * service_not_active, fee_rate_missing, card_declined, insufficient_funds, wrong_pin,
 * card_expired, network_timeout, duplicate_with_different_content, already_reversed (a reversal
 * came first).
 */
export async function sale(deps: PaymentsDeps, input: SaleInput): Promise<PaymentResult> {
  const pan = input.method === 'card' ? (input.card?.pan ?? '') : null;
  if (input.amountFen <= 0n) return err(outcome('invalid_amount'));
  if (pan !== null && !isPan(pan)) return err(outcome('invalid_card_number'));
  const card = pan ? deps.network.lookupCard(pan) : null;
  const service = serviceFor(input.method, card?.kind ?? null);
  const at = deps.clock.now();
  const request: SaleRequest = {
    input,
    pan,
    card,
    service,
    hash: requestHash(['sale', input.amountFen, input.method, pan ? maskPan(pan) : null]),
    ref: networkRef(input),
    at,
    date: businessDateOf(at, deps.rules.cutoffTime),
  };
  const endTurn = await deps.snapshots.turn(input.terminalId);
  try {
    const result = await decidedSale(deps, request);
    // Committed: a void of it may ask the network first too.
    if (result.ok && !result.value.duplicate) deps.snapshots.sold(result.value.transaction);
    return result;
  } finally {
    endTurn();
  }
}

/** On the terminal's snapshot when it allows, else opened first. */
async function decidedSale(deps: PaymentsDeps, request: SaleRequest): Promise<PaymentResult> {
  const known = deps.snapshots.usable(request.input, request.service);
  if (!known || terminalRefusal(known.ctx, request.service)) return openedSale(deps, request);
  const tried = await saleOnSnapshot(deps, request, known);
  return 'result' in tried ? tried.result : openedSale(deps, request, tried.reply);
}

/**
 * Asks the network, then records the sale in one round trip if its facts still hold; else
 * returns the network's reply for the sale to open with.
 */
async function saleOnSnapshot(
  deps: PaymentsDeps,
  request: SaleRequest,
  known: { readonly ctx: TerminalContext; readonly rate: FeeRate },
): Promise<{ result: PaymentResult } | { reply: NetworkReply }> {
  const { input, ref } = request;
  // A network adapter that fails may have approved all the same: release the key, as below.
  const reply = await releasedOnDefect(deps, ref, () =>
    askNetwork(deps.network, ref, () => deps.network.authorize(authorizeRequest(request))),
  );
  const plain = saleDraft(deps, request, known.ctx.merchantId, request.date);
  // The fee is charged at the rate read only when the network approves.
  const draft = 'refused' in reply ? plain : approvedDraft(plain, known.rate);
  return recordOnSnapshot(deps, {
    key: input,
    ref,
    reply,
    draft,
    posting: {
      kind: 'sale',
      businessDate: request.date,
      lines: saleLines(draft.merchantId, draft.amountFen, draft.feeFen),
    },
    voidableUntil: cutoffInstantOf(request.date, deps.rules.cutoffTime),
    write: (record, entry) =>
      deps.store.recordExpectedSale({
        service: request.service,
        ctx: known.ctx,
        rate: known.rate,
        record,
        entry,
      }),
  });
}

/**
 * Opens the sale (its terminal locked, its facts read), decides, asks the network unless `reply`
 * is its answer already, and records it. A sale that asked the network and is then refused, or
 * turns out a retransmission of a request the network approved nothing for, releases the key.
 */
async function openedSale(
  deps: PaymentsDeps,
  request: SaleRequest,
  reply?: NetworkReply,
): Promise<PaymentResult> {
  const { input, service, ref, at } = request;
  // When the transaction fails, what is recorded under the key decides (nothing: release).
  return releasedOrReplayed(deps, { key: input, ref, hash: request.hash }, () =>
    deps.store.transaction(async (tx) => {
      const opening = await tx.openSale(input, { date: request.date, service, at });
      if (!opening) {
        await releaseUnused(deps.network, ref, reply);
        return err(outcome('terminal_not_found'));
      }
      const { ctx, businessDate, rrn, rate } = opening;
      deps.snapshots.remember(input, ctx, service, rate);
      if (opening.seen || !businessDate || !rrn) {
        const existing = await tx.findByRequestKey(input);
        assert(existing, 'a request key seen without its transaction');
        // An approval of the key at the network belongs to the first request, if it had one.
        if (existing.authCode === null) await releaseUnused(deps.network, ref, reply);
        return replay(existing, request.hash, deps.rules);
      }
      const draft = { ...saleDraft(deps, request, ctx.merchantId, businessDate), rrn };
      const refusal = terminalRefusal(ctx, service) ?? (rate ? null : 'fee_rate_missing');
      if (refusal || !rate) {
        await releaseUnused(deps.network, ref, reply);
        return recordDecline(tx, draft, refusal ?? 'fee_rate_missing');
      }
      const answer =
        reply ??
        (await askNetwork(deps.network, ref, () =>
          deps.network.authorize(authorizeRequest(request)),
        ));
      if ('refused' in answer) return recordDecline(tx, draft, answer.refused);
      const approved = { ...approvedDraft(draft, rate), authCode: answer.approved };
      const record = await recordApproval(deps, tx, approved, {
        kind: 'sale',
        businessDate,
        lines: saleLines(ctx.merchantId, input.amountFen, approved.feeFen),
      });
      const voidableUntil = cutoffInstantOf(businessDate, deps.rules.cutoffTime);
      return ok({ transaction: record, duplicate: false, voidableUntil });
    }, GROUPABLE),
  );
}

function authorizeRequest(request: SaleRequest): AuthorizeRequest {
  const { input } = request;
  return {
    ref: request.ref,
    method: input.method,
    amountFen: input.amountFen,
    pan: request.pan,
    expiry: input.card?.expiry ?? null,
    pinPresent: input.card?.pinPresent ?? false,
    payerCode: input.payerCode ?? null,
  };
}

function saleDraft(
  deps: PaymentsDeps,
  request: SaleRequest,
  merchantId: string,
  businessDate: BusinessDate,
): DraftRecord {
  const { input, pan } = request;
  return draftRecord(input, {
    id: deps.ids.next(),
    merchantId,
    kind: 'sale',
    amountFen: input.amountFen,
    businessDate,
    requestHash: request.hash,
    createdAt: request.at,
    service: request.service,
    paymentMethod: input.method,
    panMasked: pan ? maskPan(pan) : null,
    cardOrg: request.card?.org ?? null,
  });
}

/** The draft with the fee charged at `rate`. */
function approvedDraft<T extends DraftRecord>(draft: T, rate: FeeRate): T {
  return {
    ...draft,
    feeFen: feeFen(draft.amountFen, rate.rateBps, rate.capFen),
    feeRateBps: rate.rateBps,
  };
}
