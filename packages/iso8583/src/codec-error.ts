// The outcomes every public function of the codec returns: `Result` and `CodecError`.
// A CodecError names the field and the reason; it never carries the field's bytes or text.

export type Result<T, E = CodecError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export type CodecErrorReason =
  | 'truncated'
  | 'trailing_bytes'
  | 'invalid_digit'
  | 'invalid_text'
  | 'invalid_length_prefix'
  | 'length_out_of_range'
  | 'unknown_field'
  | 'invalid_mti'
  | 'invalid_value'
  | 'unknown_property'
  | 'frame_too_large'
  | 'mac_absent'
  | 'invalid_tlv';

export interface CodecError {
  /** Where it failed: field number then sub-parts: `['60']`, `['55', '9F26']`, `['tpdu']`. */
  readonly fieldPath: readonly string[];
  readonly reason: CodecErrorReason;
  /** Human text for logs: positions and lengths only, never the content. */
  readonly detail: string;
  /** Byte offset in the input where the failing element starts (reading only). */
  readonly offset?: number;
}

export function succeed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
