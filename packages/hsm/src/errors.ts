// Failures of the security module: expected outcomes are returned as values, defects are thrown
// as one typed exception. Every message is a fixed string chosen by code, so no caller input and
// no key material can ever reach an error or a log line.

/** Expected outcomes (from the wire or from a key ceremony): returned, never thrown. */
export type HsmOutcome =
  /** A key check value did not match: the key is refused. */
  | 'check_value_mismatch'
  /** Field 62 of a sign-in answer has none of the known lengths for the scheme. */
  | 'key_layout_invalid'
  /** 60.3 of a sign-in is not `001`/`003`/`004`/`006`, or does not fit the TMK's scheme. */
  | 'network_management_code_unsupported'
  /** A PIN block has the wrong length or is not ISO 9564 format 0 for this PAN (CUP `99`). */
  | 'pin_block_invalid'
  /** A PIN to encrypt is not 4–12 decimal digits. */
  | 'pin_invalid'
  /** A PAN is not 13–19 decimal digits. */
  | 'pan_invalid'
  /** A clear key to import is not hex of a legal length for its scheme. */
  | 'key_invalid';

export type HsmResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly outcome: HsmOutcome };

export function ok<T>(value: T): HsmResult<T> {
  return { ok: true, value };
}

export function fail<T>(outcome: HsmOutcome): HsmResult<T> {
  return { ok: false, outcome };
}

/** Defects: wrong configuration, corrupted stored keys, misuse by the caller. */
export type HsmErrorCode =
  | 'master_key_invalid'
  | 'key_cryptogram_invalid'
  | 'key_usage_mismatch'
  | 'clear_key_invalid'
  | 'algorithm_unsupported'
  | 'input_invalid'
  | 'random_source_invalid'
  | 'cipher_failed';

const MESSAGES: Record<HsmErrorCode, string> = {
  master_key_invalid: 'master key must be 32, 48 or 64 hex characters',
  key_cryptogram_invalid: 'key cryptogram is malformed, tampered with or under another master key',
  key_usage_mismatch: 'key was issued for another usage',
  clear_key_invalid: 'clear key is not hex of a legal length for its scheme',
  algorithm_unsupported: 'algorithm is not supported for this key scheme',
  input_invalid: 'input is malformed',
  random_source_invalid: 'random source returned unusable bytes',
  cipher_failed: 'cipher operation failed',
};

/** The one exception of this package. Carries a code and a fixed message, nothing else. */
export class HsmError extends Error {
  override readonly name = 'HsmError';
  readonly code: HsmErrorCode;

  constructor(code: HsmErrorCode) {
    super(MESSAGES[code]);
    this.code = code;
  }
}
