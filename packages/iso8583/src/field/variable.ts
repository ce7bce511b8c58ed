// Variable-length field types: `llvar` and `lllvar` over a content kind, with a BCD (default)
// or ASCII length prefix and the limits of the dialect's table.
import {
  lengthPrefix,
  type PrefixEncoding,
  readLengthPrefix,
  writeLengthPrefix,
} from '../prefix/length-prefix.ts';
import type { FieldType } from './field-types.ts';
import { contentFailure, Failure } from './failure.ts';
import type { VariableContent } from './variable-content.ts';

export interface VariableLimits {
  readonly max: number;
  /** Shortest length accepted on read and write; 0 by default. */
  readonly min?: number;
  readonly prefix?: PrefixEncoding;
}

function variable<V>(
  digits: 2 | 3,
  content: VariableContent<V>,
  limits: VariableLimits,
): FieldType<V> {
  const prefix = lengthPrefix(digits, limits.prefix ?? 'bcd');
  const { max } = limits;
  const min = limits.min ?? 0;
  const name = digits === 2 ? 'LLVAR' : 'LLLVAR';
  return {
    format: `${content.letters}..${max} ${name}`,
    read(cursor) {
      const units = readLengthPrefix(cursor, prefix);
      const start = cursor.take(content.byteLength(units), `${name} content`);
      if (units > max || units < min) {
        throw contentFailure('length_out_of_range', `length ${units} outside ${min}..${max}`);
      }
      return content.decode(cursor.bytes, start, units);
    },
    write(writer, value) {
      const units = content.measure(value);
      if (units > max || units < min) {
        throw new Failure('length_out_of_range', `length ${units} outside ${min}..${max}`, false);
      }
      writeLengthPrefix(writer, prefix, units);
      const start = writer.reserve(content.byteLength(units));
      content.encode(writer.bytes, start, value);
    },
  };
}

/** Variable field with a 2-digit length prefix (1 byte BCD, or 2 ASCII digits). */
export function llvar<V>(content: VariableContent<V>, limits: VariableLimits): FieldType<V> {
  return variable(2, content, limits);
}

/** Variable field with a 3-digit length prefix (2 bytes BCD `00 62`, or 3 ASCII digits). */
export function lllvar<V>(content: VariableContent<V>, limits: VariableLimits): FieldType<V> {
  return variable(3, content, limits);
}
