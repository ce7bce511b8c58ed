// Public API of @shoudan/iso8583: the CUP POS dialect of ISO 8583 — messages, frames, MAC input,
// TLV, safe descriptions — plus the building blocks for other dialect tables.

export type { CodecError, CodecErrorReason, Result } from './codec-error.ts';

// Messages of the CUP POS dialect.
export type { CupMessage, CupPartialMessage } from './spec/cup-message.ts';
export {
  macInput,
  type PackOptions,
  type PartialRead,
  pack,
  type UnpackError,
  unpack,
} from './cup-codec.ts';
export { cupDialect, cupProperties, isResponseMti } from './spec/cup.ts';
export type { MaskRule, PropertyInfo, ValueKind } from './spec/cup.ts';
export { startResponse } from './response.ts';

// Frames on the TCP connection.
export { type Frame, packFrame, type UnpackedFrame, unpackFrame } from './framing/frame.ts';
export { FrameSplitter, type FrameSplitterOptions } from './framing/frame-splitter.ts';
export { swapTpdu, type Tpdu } from './framing/tpdu.ts';
export { answerHeader, type CupHeader } from './framing/header.ts';

// Field contents.
export { findTlv, readTlv, type TlvItem, writeTlv } from './tlv.ts';
export {
  type CardTotals,
  readSettlementTotals,
  type SettlementTotals,
  writeSettlementTotals,
} from './settlement-totals.ts';
export { readWorkingKeys, type WorkingKeys, writeWorkingKeys } from './working-keys.ts';

// Logging and JSON.
export { describe, redactMessage } from './describe.ts';
export { maskPan } from './mask.ts';
export { fromJsonMessage, type JsonMessage, toJsonMessage } from './json.ts';
export { fromHex, toHex } from './encoding/hex.ts';

// Building blocks for a dialect table.
export {
  alpha,
  binary,
  type FieldType,
  numeric,
  type NumericOptions,
} from './field/field-types.ts';
export { llvar, lllvar, type VariableLimits } from './field/variable.ts';
export {
  asciiDigits,
  asciiText,
  gbkText,
  numericDigits,
  rawBytes,
  trackNibbles,
  type VariableContent,
} from './field/variable-content.ts';
export { type Dialect, defineDialect, field, type FieldSpec, type HasMti } from './spec/dialect.ts';
export {
  accessor,
  amountProperty,
  byMessageClass,
  type ClassLayout,
  type Draft,
  type FieldLayout,
  headAndText,
  type Property,
  property,
  subFieldProperties,
} from './spec/layout.ts';
export { packMessage, type PackedMessage } from './message/pack-message.ts';
export {
  type MessageUnpackError,
  unpackMessage,
  type UnpackedMessage,
} from './message/unpack-message.ts';
