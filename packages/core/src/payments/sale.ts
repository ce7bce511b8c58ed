// Sale (消费): checks the terminal, merchant and service, asks the card network, records the
// transaction and its balanced journal entry at the rate in force, and answers after commit.
import { assert } from '../shared/assert.ts';
import { cutoffInstantOf, businessDateOf } from '../shared/business-date.ts';
import { feeFen } from '../shared/money.ts';
import { maskPan, isPan } from '../shared/pan.ts';
import { err, ok } from '../shared/result.ts';
import { outcome } from '../shared/outcome.ts';
import { saleLines } from '../ledger/model.ts';
import {
  networkRef,
  requestHash,
  serviceFor,
  type PaymentMethod,
  type RequestKey,
} from './model.ts';
import {
  askNetwork,
  draftRecord,
  recordApproval,
  recordDecline,
  releasedOnDefect,
  replay,
  terminalRefusal,
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
  const panMasked = pan ? maskPan(pan) : null;
  const hash = requestHash(['sale', input.amountFen, input.method, panMasked]);
  const ref = networkRef(input);
  const at = deps.clock.now();
  // Nothing is recorded when the transaction fails: release what the network may hold.
  return releasedOnDefect(deps.network, ref, () =>
    deps.store.transaction(async (tx) => {
      const date = businessDateOf(at, deps.rules.cutoffTime);
      const opening = await tx.openSale(input, { date, service, at });
      if (!opening) return err(outcome('terminal_not_found'));
      const { ctx, businessDate, rrn } = opening;
      if (opening.seen || !businessDate || !rrn) {
        const existing = await tx.findByRequestKey(input);
        assert(existing, 'a request key seen without its transaction');
        return replay(existing, hash, deps.rules);
      }
      const draft = draftRecord(input, {
        rrn,
        id: deps.ids.next(),
        merchantId: ctx.merchantId,
        kind: 'sale',
        amountFen: input.amountFen,
        businessDate,
        requestHash: hash,
        createdAt: at,
        service,
        paymentMethod: input.method,
        panMasked,
        cardOrg: card?.org ?? null,
      });
      const refusal = terminalRefusal(ctx, service);
      if (refusal) return recordDecline(tx, draft, refusal);
      const { rate } = opening;
      if (!rate) return recordDecline(tx, draft, 'fee_rate_missing');
      const answer = await askNetwork(deps.network, ref, () =>
        deps.network.authorize({
          ref,
          method: input.method,
          amountFen: input.amountFen,
          pan,
          expiry: input.card?.expiry ?? null,
          pinPresent: input.card?.pinPresent ?? false,
          payerCode: input.payerCode ?? null,
        }),
      );
      if ('refused' in answer) return recordDecline(tx, draft, answer.refused);
      const fee = feeFen(input.amountFen, rate.rateBps, rate.capFen);
      const approved = { ...draft, feeFen: fee, feeRateBps: rate.rateBps };
      const record = await recordApproval(
        deps,
        tx,
        { ...approved, authCode: answer.approved },
        {
          kind: 'sale',
          businessDate,
          lines: saleLines(ctx.merchantId, input.amountFen, fee),
        },
      );
      const voidableUntil = cutoffInstantOf(businessDate, deps.rules.cutoffTime);
      return ok({ transaction: record, duplicate: false, voidableUntil });
    }, GROUPABLE),
  );
}
