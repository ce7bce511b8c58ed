// Goal: the engine runs any table: bitmaps, MAC offset, pack errors. Method: a small test dialect.
import { describe as group, expect, it } from 'vitest';
import { toHex } from '../encoding/hex.ts';
import { alpha, binary, numeric } from '../field/field-types.ts';
import { asciiText } from '../field/variable-content.ts';
import { llvar } from '../field/variable.ts';
import { defineDialect, field } from '../spec/dialect.ts';
import { accessor, property } from '../spec/layout.ts';
import { listFields } from './bitmap.ts';
import { packMessage } from './pack-message.ts';
import { unpackMessage } from './unpack-message.ts';

interface TestMessage {
  readonly mti: string;
  readonly code?: string;
  readonly terminal?: string;
  readonly networkCode?: string;
  readonly receiver?: string;
  readonly mac?: Uint8Array;
}

const code = accessor<TestMessage, string>(
  'code',
  (m) => m.code,
  (m, v) => (m.code = v),
);
const terminal = accessor<TestMessage, string>(
  'terminal',
  (m) => m.terminal,
  (m, v) => (m.terminal = v),
);
const networkCode = accessor<TestMessage, string>(
  'networkCode',
  (m) => m.networkCode,
  (m, v) => (m.networkCode = v),
);
const receiver = accessor<TestMessage, string>(
  'receiver',
  (m) => m.receiver,
  (m, v) => (m.receiver = v),
);
const mac = accessor<TestMessage, Uint8Array>(
  'mac',
  (m) => m.mac,
  (m, v) => (m.mac = v),
);

const dialect = defineDialect<TestMessage>({
  name: 'test',
  macField: 128,
  partialKeys: ['mti', 'code'],
  fields: [
    field(3, numeric({ length: 6 }), property(code)),
    field(41, alpha({ length: 8 }), property(terminal)),
    field(70, numeric({ length: 3 }), property(networkCode)),
    field(100, llvar(asciiText, { max: 11, prefix: 'ascii' }), property(receiver)),
    field(128, binary({ length: 8 }), property(mac)),
  ],
});

function packHex(bag: Record<string, unknown>): string {
  // Messages from JavaScript may hold anything: the engine must refuse what does not fit.
  const packed = packMessage(dialect, bag as unknown as TestMessage, 0);
  if (!packed.ok) return `${packed.error.reason} ${packed.error.fieldPath.join('.')}`;
  return toHex(packed.value.buffer.slice(packed.value.start, packed.value.end));
}

group('bitmaps', () => {
  it('writes only the primary bitmap when no field above 64 is present', () => {
    expect(packHex({ mti: '0800', code: '990000' })).toBe('0800' + '2000000000000000' + '990000');
  });

  it('writes a secondary bitmap, and sets bit 1, when a field above 64 is present', () => {
    const hex = packHex({ mti: '0800', networkCode: '301', receiver: 'ABC' });
    expect(hex).toBe('0800' + '8000000000000000' + '0400000010000000' + '0301' + '3033414243');
    const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
    const unpacked = unpackMessage(dialect, bytes, 0, bytes.length);
    const message = { mti: '0800', networkCode: '301', receiver: 'ABC' };
    expect(unpacked.ok && unpacked.value.message).toEqual(message);
  });

  it('lists set fields in order, never bit 1', () => {
    const bitmap = new Uint8Array(17);
    bitmap[1] = 0xc0;
    bitmap[16] = 0x01;
    expect(listFields(bitmap, 1, 16)).toEqual([2, 128]);
    expect(listFields(bitmap, 1, 8)).toEqual([2]);
  });

  it('reports where the MAC field starts, even in the secondary part', () => {
    const hex = packHex({ mti: '0200', code: '000000', mac: new Uint8Array(8).fill(0xee) });
    const bytes = Uint8Array.from(Buffer.from(hex, 'hex'));
    const unpacked = unpackMessage(dialect, bytes, 0, bytes.length);
    expect(unpacked.ok && unpacked.value.macStart).toBe(bytes.length - 8);
  });
});

group('pack errors name the field', () => {
  it.each([
    [{ mti: '02000' }, 'invalid_mti mti'],
    [{ mti: '0200', colour: 'red' }, 'unknown_property colour'],
    [{ mti: '0200', code: 12 }, 'invalid_value 3'],
    [{ mti: '0200', terminal: '123456789' }, 'length_out_of_range 41'],
    [{ mti: '0200', receiver: '123456789012' }, 'length_out_of_range 100'],
    [{ mti: '0200', mac: 'ABCD' }, 'invalid_value 128'],
  ])('%j → %s', (bag, expected) => {
    expect(packHex(bag)).toBe(expected);
  });

  it('ignores properties set to undefined', () => {
    const bag = { mti: '0800', code: undefined, colour: undefined };
    expect(packHex(bag)).toBe('08000000000000000000');
  });
});

group('dialect tables', () => {
  it('refuses a field defined twice, a property used twice, or field 1 and 65', () => {
    const codeField = field(3, numeric({ length: 6 }), property(code));
    const fields = [codeField, codeField];
    expect(() => defineDialect<TestMessage>({ name: 'x', fields })).toThrow(/twice/);
    const again = field(4, numeric({ length: 6 }), property(code));
    expect(() => defineDialect<TestMessage>({ name: 'x', fields: [codeField, again] })).toThrow(
      /twice/,
    );
    const bit65 = field(65, numeric({ length: 1 }), property(networkCode));
    expect(() => defineDialect<TestMessage>({ name: 'x', fields: [bit65] })).toThrow(/cannot/);
  });
});
