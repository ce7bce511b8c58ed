// A dialect is a table of field specs: number, wire type and the properties it maps to.
// `field` binds a type to a layout; `defineDialect` indexes the table for the engine.
import type { ByteWriter } from '../field/byte-writer.ts';
import type { Cursor } from '../field/cursor.ts';
import type { FieldType } from '../field/field-types.ts';
import type { Draft, FieldLayout, MessageContext } from './layout.ts';

export interface FieldSpec<M> {
  readonly number: number;
  readonly format: string;
  readonly keys: readonly string[];
  read(cursor: Cursor, message: Draft<M>, context: MessageContext): void;
  /** Appends the field when the message has it; returns whether it did. */
  write(writer: ByteWriter, message: Draft<M>, context: MessageContext): boolean;
}

export function field<M, V>(
  number: number,
  type: FieldType<V>,
  layout: FieldLayout<M, V>,
): FieldSpec<M> {
  return {
    number,
    format: type.format,
    keys: layout.keys,
    read(cursor, message, context) {
      layout.assign(type.read(cursor), message, context);
    },
    write(writer, message, context) {
      const value = layout.extract(message, context);
      if (value === undefined) return false;
      type.write(writer, value);
      return true;
    },
  };
}

/** A message type the engine can build: a plain object with its MTI. */
export interface HasMti {
  readonly mti: string;
}

export interface Dialect<M extends HasMti> {
  readonly name: string;
  /** Field specs in ascending number order. */
  readonly fields: readonly FieldSpec<M>[];
  /** Spec by field number (index 2–128); undefined for fields the dialect does not know. */
  readonly byNumber: readonly (FieldSpec<M> | undefined)[];
  /** Field number of each property name, plus `mti` → 0. */
  readonly numberOfKey: ReadonlyMap<string, number>;
  /** The MAC field (64 or 128), whose start ends the MAC input. */
  readonly macField: number | undefined;
  /** Properties an unreadable message still reports, to answer it (MTI, ids, echo fields). */
  readonly partialKeys: readonly (keyof M & string)[];
}

export interface DialectOptions<M extends HasMti> {
  readonly name: string;
  readonly fields: readonly FieldSpec<M>[];
  readonly macField?: number;
  readonly partialKeys?: readonly (keyof M & string)[];
}

export function defineDialect<M extends HasMti>(options: DialectOptions<M>): Dialect<M> {
  const fields = [...options.fields].sort((left, right) => left.number - right.number);
  const byNumber = new Array<FieldSpec<M> | undefined>(129).fill(undefined);
  const numberOfKey = new Map<string, number>([['mti', 0]]);
  for (const spec of fields) {
    if (spec.number < 2 || spec.number > 128 || spec.number === 65) {
      throw new Error(`dialect ${options.name}: field ${spec.number} cannot be a data field`);
    }
    if (byNumber[spec.number] !== undefined) {
      throw new Error(`dialect ${options.name}: field ${spec.number} defined twice`);
    }
    byNumber[spec.number] = spec;
    for (const key of spec.keys) {
      if (numberOfKey.has(key)) throw new Error(`dialect ${options.name}: ${key} used twice`);
      numberOfKey.set(key, spec.number);
    }
  }
  return {
    name: options.name,
    fields,
    byNumber,
    numberOfKey,
    macField: options.macField,
    partialKeys: options.partialKeys ?? ['mti'],
  };
}
