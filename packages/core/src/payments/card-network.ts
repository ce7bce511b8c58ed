// The card network port (CUP switch, or a simulator): authorize, void, refund, reverse.
import type { CardKind, PaymentMethod } from './model.ts';

export type CardInfo = { readonly kind: CardKind; readonly org: string };

export type NetworkDecline = 'card_declined' | 'insufficient_funds' | 'wrong_pin' | 'card_expired';

export type NetworkAnswer =
  | { readonly result: 'approved'; readonly authCode: string }
  | { readonly result: 'declined'; readonly reason: NetworkDecline }
  | { readonly result: 'timeout' };

export type AuthorizeRequest = {
  /** Stable reference of this request (see `networkRef`): retries and reversals reuse it. */
  readonly ref: string;
  readonly method: PaymentMethod;
  readonly amountFen: bigint;
  /** Card payments only; never stored or logged by the engine. */
  readonly pan: string | null;
  /** `YYMM`, when the card gave one. */
  readonly expiry: string | null;
  readonly pinPresent: boolean;
  /** QR payments: the payer's code scanned by the terminal. */
  readonly payerCode: string | null;
};

export type FollowUpRequest = {
  readonly ref: string;
  readonly originalRef: string;
  readonly amountFen: bigint;
};

export interface CardNetwork {
  /** Card kind and organisation from the BIN; null when the network does not know the card. */
  lookupCard(pan: string): CardInfo | null;
  /**
   * Asks for an authorization. Asked again for the same `ref`, the network answers as it did the
   * first time and holds nothing more (as a switch answers a repeated transmission): a sale that
   * asked before its checks, and turns out a retransmission, relies on it (`saleSnapshotTtlMs`).
   */
  authorize(request: AuthorizeRequest): Promise<NetworkAnswer>;
  void(request: FollowUpRequest): Promise<NetworkAnswer>;
  refund(request: FollowUpRequest): Promise<NetworkAnswer>;
  /** Undoes whatever the network did for `ref`; idempotent; an unknown ref is not an error. */
  reverse(ref: string): Promise<void>;
}
