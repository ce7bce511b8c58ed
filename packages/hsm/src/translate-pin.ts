// PIN translation: a PIN block from the terminal's PIN key (PIK) re-encrypted under the network's
// zone PIN key (ZPK) in one call. The clear block exists only inside it and is wiped after use.
import { decryptEcb, encryptEcb } from './block-cipher.ts';
import { asBuffer, wipe } from './bytes.ts';
import { HsmError, fail, ok, type HsmResult } from './errors.ts';
import type { KeyUnderLmk } from './master-key.ts';
import { withClearKey, type ModuleContext } from './module-context.ts';
import { PIN_BLOCK_BYTES, isFormat0PinBlock, isValidPan } from './pin-block.ts';

export interface TranslatePinInput {
  readonly pikUnderLmk: KeyUnderLmk;
  readonly zpkUnderLmk: KeyUnderLmk;
  /** Field 52: an ISO 9564 format 0 block encrypted under the PIK. */
  readonly pinBlock: Uint8Array;
  /** The card number the block was formed with (field 2, or from track 2). */
  readonly pan: string;
}

/**
 * Returns the same format 0 block encrypted under the ZPK.
 * Outcomes: `pan_invalid`; `pin_block_invalid` (wrong length, or the decrypted block is not
 * format 0 for this PAN, e.g. a PIK mismatch: CUP answers `99`).
 * Throws HsmError for keys of the wrong usage, under another LMK, or SM4 (format 0 is 8 bytes).
 */
export function translatePin(
  context: ModuleContext,
  input: TranslatePinInput,
): HsmResult<Uint8Array> {
  if (!isValidPan(input.pan)) return fail('pan_invalid');
  if (!(input.pinBlock instanceof Uint8Array) || input.pinBlock.length !== PIN_BLOCK_BYTES) {
    return fail('pin_block_invalid');
  }
  if (input.pikUnderLmk.scheme !== '3des' || input.zpkUnderLmk.scheme !== '3des') {
    throw new HsmError('algorithm_unsupported');
  }
  return withClearKey(context, input.pikUnderLmk, 'pik', (pik) =>
    withClearKey(context, input.zpkUnderLmk, 'zpk', (zpk) => {
      const clearBlock = decryptEcb('3des', pik, asBuffer(input.pinBlock));
      try {
        if (!isFormat0PinBlock(clearBlock, input.pan)) return fail('pin_block_invalid');
        return ok(new Uint8Array(encryptEcb('3des', zpk, clearBlock)));
      } finally {
        wipe(clearBlock);
      }
    }),
  );
}
