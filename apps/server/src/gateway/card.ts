// The card of a financial request: PAN from field 2 or from a clear track 2, expiry from 14 or the
// track, and how it was read (22). Scan-code requests without card data are UnionPay QR payments.
// PIN blocks are translated to the network's key inside the security module; nothing here keeps
// a PAN beyond the request.
import { isPan } from '@shoudan/core';
import type { CupMessage } from '@shoudan/iso8583';
import { GATEWAY_CODES, responseCodeOf } from './response-codes.ts';
import type { FlowContext } from './types.ts';

/** How the card was read (22, first two digits) for which a card payment is accepted. */
const CARD_ENTRY_MODES: ReadonlySet<string> = new Set(['01', '02', '05', '07', '91', '96', '98']);
const SCAN_CODE = '03';
const INVALID_CARD = responseCodeOf('invalid_card_number');

export type CardData = { readonly pan: string; readonly expiry: string | null };

export type CardRead =
  | { readonly kind: 'card'; readonly card: CardData }
  | { readonly kind: 'qr' }
  | { readonly kind: 'none' }
  | { readonly kind: 'refused'; readonly responseCode: string };

/** Track encryption (53.3 = 1) is out of scope: such requests are answered 40 (§9). */
export function tracksEncrypted(request: CupMessage): boolean {
  return request.securityControl?.charAt(2) === '1';
}

/**
 * PAN and expiry of a clear track 2, each undefined when absent: one object literal rather than
 * conditional spreads, which cost V8 a microsecond per card read.
 */
function track2Parts(request: CupMessage): { pan?: string; expiry?: string } {
  if (request.track2 === undefined) return {};
  const [pan, rest] = request.track2.split('=');
  const expiry = rest?.slice(0, 4);
  return {
    pan: pan || undefined,
    expiry: expiry && /^\d{4}$/.test(expiry) ? expiry : undefined,
  };
}

/** The card as sent, from field 2 or track 2; `none` when neither is there. */
export function cardOf(request: CupMessage): CardRead {
  if (tracksEncrypted(request))
    return { kind: 'refused', responseCode: GATEWAY_CODES.notSupported };
  const track = track2Parts(request);
  const pan = request.pan ?? track.pan;
  if (pan === undefined) return { kind: 'none' };
  return { kind: 'card', card: { pan, expiry: request.expiryDate ?? track.expiry ?? null } };
}

/**
 * The means of payment of a sale by its entry mode: a card read one of the supported ways, or a
 * scanned code without card data (UnionPay QR). Anything else is answered 40; a card mode
 * without a card 30.
 */
export function paymentOf(request: CupMessage): CardRead {
  const mode = request.entryMode?.slice(0, 2);
  if (mode === undefined) return { kind: 'refused', responseCode: GATEWAY_CODES.formatError };
  const read = cardOf(request);
  if (read.kind === 'refused') return read;
  if (mode === SCAN_CODE) {
    // A scanned code with card fields is a vendor variant we cannot map reliably.
    return read.kind === 'none'
      ? { kind: 'qr' }
      : { kind: 'refused', responseCode: GATEWAY_CODES.notSupported };
  }
  if (!CARD_ENTRY_MODES.has(mode))
    return { kind: 'refused', responseCode: GATEWAY_CODES.notSupported };
  return read.kind === 'none' ? { kind: 'refused', responseCode: GATEWAY_CODES.formatError } : read;
}

export type PinCheck =
  | { readonly ok: true; readonly pinPresent: boolean }
  | { readonly ok: false; readonly responseCode: string; readonly signInAgain: boolean };

/**
 * Translates the PIN block (52), when there is one, from the terminal's PIK to the network's
 * ZPK inside the security module. The simulated network takes no PIN block, so the translated
 * block is dropped; the domain only learns that a PIN was entered.
 */
export function checkPin(ctx: FlowContext, card: CardData | null): PinCheck {
  const pinBlock = ctx.request.pinBlock;
  if (pinBlock === undefined) return { ok: true, pinPresent: false };
  const pik = ctx.session.pik;
  if (card === null)
    return { ok: false, responseCode: GATEWAY_CODES.formatError, signInAgain: false };
  if (pik === null) return { ok: false, responseCode: GATEWAY_CODES.macFailed, signInAgain: true };
  // Format 0 is defined on 8-byte blocks: SM4 PIN keys are not supported yet.
  if (pik.scheme !== '3des')
    return { ok: false, responseCode: GATEWAY_CODES.notSupported, signInAgain: false };
  if (!isPan(card.pan)) return { ok: false, responseCode: INVALID_CARD, signInAgain: false };
  const translated = ctx.deps.hsm.translatePin({
    pikUnderLmk: pik,
    zpkUnderLmk: ctx.deps.zpk,
    pinBlock,
    pan: card.pan,
  });
  if (translated.ok) {
    translated.value.fill(0);
    return { ok: true, pinPresent: true };
  }
  if (translated.outcome === 'pan_invalid')
    return { ok: false, responseCode: INVALID_CARD, signInAgain: false };
  return { ok: false, responseCode: GATEWAY_CODES.pinFormatError, signInAgain: true };
}
