// How a field's wire value maps onto named message properties: one property, an amount in fen,
// sub-fields laid end to end, a 3-character head plus text, or a choice by message class.
// Each property comes with its own getter and setter, so the compiler checks the table's types.
import { contentFailure, Failure } from '../field/failure.ts';

/** A message under construction: every property optional and writable. */
export type Draft<M> = { -readonly [K in keyof M]?: M[K] };

export interface MessageContext {
  readonly mti: string;
}

/** One named property of the message, with its accessors. */
export interface Property<M, V> {
  readonly key: string;
  get(message: Draft<M>): V | undefined;
  set(message: Draft<M>, value: V): void;
}

export function accessor<M, V>(
  key: string,
  get: (message: Draft<M>) => V | undefined,
  set: (message: Draft<M>, value: V) => void,
): Property<M, V> {
  return { key, get, set };
}

export interface FieldLayout<M, V> {
  /** Every property name this layout may read or write. */
  readonly keys: readonly string[];
  /** Stores a decoded wire value. Throws a content Failure, having stored nothing. */
  assign(value: V, message: Draft<M>, context: MessageContext): void;
  /** The wire value to write, or undefined when the field is absent. Throws Failure. */
  extract(message: Draft<M>, context: MessageContext): V | undefined;
}

function invalidValue(detail: string, path?: string[]): Failure {
  return new Failure('invalid_value', detail, false, path);
}

/** One property holding the wire value as it is (digit text, text or bytes). */
export function property<M, V>(target: Property<M, V>): FieldLayout<M, V> {
  return {
    keys: [target.key],
    assign(value, message) {
      target.set(message, value);
    },
    // The field type checks the value's kind when it writes it.
    extract: (message) => target.get(message),
  };
}

/** A fixed numeric amount held as a bigint of fen (n12 `000000001000` ↔ `1000n`). */
export function amountProperty<M>(
  target: Property<M, bigint>,
  length: number,
): FieldLayout<M, string> {
  const max = 10n ** BigInt(length);
  const { key } = target;
  return {
    keys: [key],
    assign(value, message) {
      target.set(message, BigInt(value));
    },
    extract(message) {
      const amount: unknown = target.get(message);
      if (amount === undefined) return undefined;
      if (typeof amount !== 'bigint') throw invalidValue(`${key} must be a bigint`);
      if (amount < 0n || amount >= max) throw invalidValue(`${key} outside 0..${length} digits`);
      return amount.toString().padStart(length, '0');
    },
  };
}

export interface SubField<M> {
  readonly target: Property<M, string>;
  readonly width: number;
}

export interface SubFieldsOptions<M> {
  /** Field number, to name sub-fields (`60.2`) in errors. */
  readonly number: number;
  /** Sub-fields in wire order; a message holds a prefix of them. */
  readonly parts: readonly SubField<M>[];
  /** Digits after the last whole sub-field (a cut-short sub-field, or digits beyond the last). */
  readonly tail: Property<M, string>;
}

function splitParts<M>(digits: string, options: SubFieldsOptions<M>, message: Draft<M>): void {
  let at = 0;
  for (const part of options.parts) {
    if (digits.length - at < part.width) break;
    part.target.set(message, digits.slice(at, at + part.width));
    at += part.width;
  }
  if (at < digits.length || at === 0) options.tail.set(message, digits.slice(at));
}

function joinParts<M>(message: Draft<M>, options: SubFieldsOptions<M>): string | undefined {
  const { parts, tail: tailProperty, number } = options;
  let digits = '';
  let missing: SubField<M> | undefined;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as SubField<M>;
    const value: unknown = part.target.get(message);
    if (value === undefined) {
      missing ??= part;
      continue;
    }
    const { key } = part.target;
    if (missing !== undefined) {
      throw invalidValue(`${key} needs ${missing.target.key}`, [`${number}.${index + 1}`]);
    }
    if (typeof value !== 'string' || value.length !== part.width) {
      throw invalidValue(`${key} must be ${part.width} digits`, [`${number}.${index + 1}`]);
    }
    digits += value;
  }
  const tail: unknown = tailProperty.get(message);
  if (tail === undefined) return digits === '' ? undefined : digits;
  const tailKey = tailProperty.key;
  if (typeof tail !== 'string') throw invalidValue(`${tailKey} must be digit text`);
  // A tail as long as the next sub-field would read back as that sub-field.
  if (missing !== undefined && tail.length >= missing.width) {
    throw invalidValue(`${tailKey} must be shorter than ${missing.target.key}`);
  }
  if (tail === '' && digits !== '') throw invalidValue(`${tailKey} must not be empty`);
  return digits + tail;
}

/** Numeric sub-fields laid end to end (fields 60 and 61); the field is present if any is set. */
export function subFieldProperties<M>(options: SubFieldsOptions<M>): FieldLayout<M, string> {
  const keys = [...options.parts.map((part) => part.target.key), options.tail.key];
  return {
    keys,
    assign(value, message) {
      splitParts(value, options, message);
    },
    extract: (message) => joinParts(message, options),
  };
}

export interface HeadAndTextOptions<M> {
  readonly head: Property<M, string>;
  readonly headLength: number;
  readonly text: Property<M, string>;
}

/** A short code then free text (field 63: card organisation an3, then the answer text). */
export function headAndText<M>(options: HeadAndTextOptions<M>): FieldLayout<M, string> {
  const { head: headProperty, headLength, text: textProperty } = options;
  const headKey = headProperty.key;
  const textKey = textProperty.key;
  return {
    keys: [headKey, textKey],
    assign(value, message) {
      headProperty.set(message, value.slice(0, headLength));
      if (value.length > headLength) textProperty.set(message, value.slice(headLength));
    },
    extract(message) {
      const head: unknown = headProperty.get(message);
      const text: unknown = textProperty.get(message);
      if (head === undefined) {
        if (text !== undefined) throw invalidValue(`${textKey} needs ${headKey}`);
        return undefined;
      }
      if (typeof head !== 'string' || head.length > headLength) {
        throw invalidValue(`${headKey} must be text of at most ${headLength} characters`);
      }
      if (text === undefined) return head;
      if (typeof text !== 'string' || text === '') throw invalidValue(`${textKey} must be text`);
      if (head.length !== headLength) throw invalidValue(`${headKey} must be ${headLength} long`);
      return head + text;
    },
  };
}

/** A layout that may be chosen for some message classes, with the properties it can hold. */
export interface ClassLayout<M, V> {
  readonly layout: FieldLayout<M, V>;
  /** Reports whether the message holds any of the layout's properties. */
  readonly holds: (message: Draft<M>) => boolean;
}

/**
 * A field whose meaning depends on the message class (field 62: keys in 0810, terminal data in
 * 0800). Properties of the layouts not chosen for the MTI are refused when packing.
 */
export function byMessageClass<M, V>(
  choose: (mti: string) => ClassLayout<M, V>,
  layouts: readonly ClassLayout<M, V>[],
): FieldLayout<M, V> {
  const keys = layouts.flatMap((option) => option.layout.keys);
  return {
    keys,
    assign(value, message, context) {
      choose(context.mti).layout.assign(value, message, context);
    },
    extract(message, context) {
      const chosen = choose(context.mti);
      for (const option of layouts) {
        if (option !== chosen && option.holds(message)) {
          const detail = `${option.layout.keys.join('/')} does not belong in a ${context.mti}`;
          throw contentFailure('invalid_value', detail);
        }
      }
      return chosen.layout.extract(message, context);
    },
  };
}
