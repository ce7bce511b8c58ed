// Goal: read every variant the spec lists; refuse broken frames by field. Method: frames by hand.
import { describe as group, expect, it } from 'vitest';
import { withFixedLength } from '../test/vectors.ts';
import { fromHex, pack, packFrame, readWorkingKeys, toHex, unpack, unpackFrame } from './index.ts';

const TPDU_AND_HEADER = '6000030000' + '603100000000';
const TERMINAL = '3130303030303031';
const MERCHANT = '383938333130303438313630303031';

function bitmap(fields: number[]): string {
  const bytes = new Uint8Array(fields.some((field) => field > 64) ? 16 : 8);
  for (const field of fields) {
    const index = (field - 1) >> 3;
    bytes[index] = (bytes[index] ?? 0) | (0x80 >> ((field - 1) & 7));
  }
  if (bytes.length === 16) bytes[0] = (bytes[0] ?? 0) | 0x80;
  return toHex(bytes);
}

/** Message bytes: MTI, bitmap of the numbered fields, then their hex in order. */
function message(mti: string, fields: [number, string][]): Uint8Array {
  const hex = mti + bitmap(fields.map(([field]) => field)) + fields.map(([, h]) => h).join('');
  const bytes = fromHex(hex.replace(/\s+/g, ''));
  if (bytes === undefined) throw new Error('bad hex in test');
  return bytes;
}

function frame(messageBytes: Uint8Array, prefix = TPDU_AND_HEADER): Uint8Array {
  const head = fromHex(`0000${prefix}`) ?? new Uint8Array();
  const bytes = new Uint8Array(head.length + messageBytes.length);
  bytes.set(head);
  bytes.set(messageBytes, head.length);
  return withFixedLength(bytes);
}

function read(bytes: Uint8Array) {
  const result = unpack(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function failure(bytes: Uint8Array) {
  const result = unpack(bytes);
  if (result.ok) throw new Error('expected a CodecError');
  return result.error;
}

const IDS: [number, string][] = [
  [41, TERMINAL],
  [42, MERCHANT],
];

group('pad nibbles', () => {
  it('ignores an F pad nibble in odd-length variable numerics and tracks', () => {
    const bytes = message('0200', [
      [2, '19 62 12 26 12 34 56 78 90 12 3F'],
      [11, '00 01 23'],
      [35, '37 62 12 26 12 34 56 78 90 12 3D 28 12 22 01 23 45 67 89 0F'],
      [60, '00 11 22 00 00 01 00 0F'],
      [61, '00 03 12 3F'],
    ]);
    const read0 = read(bytes);
    expect(read0.pan).toBe('6212261234567890123');
    expect(read0.track2).toBe('6212261234567890123=28122201234567890');
    expect(read0.networkManagementCode).toBe('000');
    expect(read0.originalTail).toBe('123');
    const written = message('0200', [
      [2, '19 62 12 26 12 34 56 78 90 12 30'],
      [11, '00 01 23'],
      [35, '37 62 12 26 12 34 56 78 90 12 3D 28 12 22 01 23 45 67 89 00'],
      [60, '00 11 22 00 00 01 00 00'],
      [61, '00 03 12 30'],
    ]);
    const again = pack(read0);
    expect(again.ok && toHex(again.value)).toBe(toHex(written));
  });

  it('ignores the pad nibble of odd fixed numerics, right- and left-aligned', () => {
    const read0 = read(
      message('0200', [
        [22, '05 1F'],
        [23, 'F0 01'],
      ]),
    );
    expect(read0.entryMode).toBe('051');
    expect(read0.cardSequenceNo).toBe('001');
  });
});

group('field 60 of any length from 2 to 19 digits', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['00 02 22', '2', { transactionTypeCode: '22' }],
    ['00 05 22 00 00', '5', { transactionTypeCode: '22', reservedTail: '000' }],
    ['00 08 22 00 00 01', '8', { transactionTypeCode: '22', batchNo: '000001' }],
    ['00 09 22 00 00 01 00', '9', { batchNo: '000001', reservedTail: '0' }],
    ['00 13 22 00 00 01 00 06 20', '13', { terminalCapability: '6', chipConditionCode: '2' }],
    ['00 14 22 00 00 01 00 06 01', '14', { chipConditionCode: '0', partialApprovalFlag: '1' }],
    ['00 17 22 00 00 01 00 05 00 12 30', '17', { loyaltyAccountType: '123' }],
    [
      '00 19 22 00 00 01 00 05 00 12 34 50',
      '19',
      { loyaltyAccountType: '123', reservedTail: '45' },
    ],
  ];
  it.each(cases)('reads %s (%s digits) and writes it back', (hex, _digits, expected) => {
    const bytes = message('0200', [[60, hex]]);
    const read0 = read(bytes);
    expect(read0).toMatchObject(expected);
    const again = pack(read0);
    expect(again.ok && toHex(again.value)).toBe(toHex(bytes));
  });

  it('refuses 1 or 20 digits, naming field 60', () => {
    for (const hex of ['00 01 20', '00 20 22 00 00 01 00 05 00 12 34 56']) {
      const error = failure(message('0200', [[60, hex]]));
      expect(error.fieldPath).toEqual(['60']);
      expect(error.reason).toBe('length_out_of_range');
    }
  });

  it('refuses to write sub-fields with a gap', () => {
    const result = pack({ mti: '0200', transactionTypeCode: '22', networkManagementCode: '000' });
    expect(result.ok ? 'ok' : result.error.fieldPath).toEqual(['60', '60.3']);
  });
});

group('values terminals differ on', () => {
  it('reads 26 as 06 or 12', () => {
    expect(read(message('0200', [[26, '06']])).pinCaptureCode).toBe('06');
    expect(read(message('0200', [[26, '12']])).pinCaptureCode).toBe('12');
  });

  it('reads any TPDU addresses and header values, and writes them back', () => {
    const bytes = frame(message('0820', IDS), '6812345678' + '612210310000');
    const result = unpackFrame(bytes);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.value.tpdu).toEqual({ id: '68', destination: '1234', source: '5678' });
    expect(result.value.header).toEqual({
      applicationClass: '61',
      softwareVersion: '22',
      terminalStatus: '1',
      processingRequest: '0',
      softwareSubVersion: '310000',
    });
    const again = packFrame(result.value);
    expect(again.ok && toHex(again.value)).toBe(toHex(bytes));
  });

  it('reads 63 as 000, CUP or an operator code', () => {
    expect(read(message('0220', [[63, '00 03 30 30 30']])).cardOrganisation).toBe('000');
    expect(read(message('0220', [[63, '00 03 43 55 50']])).cardOrganisation).toBe('CUP');
    expect(read(message('0800', [[63, '00 03 30 30 31']])).operatorNo).toBe('001');
    expect(read(message('0500', [[63, '00 03 30 31 20']])).operatorNo).toBe('01 ');
  });

  it('reads 44 as two unpadded ids', () => {
    const hex = '16 30 31 30 32 30 30 30 30 34 38 30 32 30 30 30 30';
    expect(read(message('0210', [[44, hex]])).additionalResponse).toBe('0102000048020000');
  });
});

group('fields and forms the host does not use', () => {
  it('skips the vendor fields 31, 40, 58 and 59', () => {
    const read0 = read(
      message('0200', [
        [31, '41 42 43 44 45 46 47 48'],
        [40, '00 02 41 42'],
        ...IDS,
        [58, '00 03 01 02 03'],
        [59, '00 04 41 32 36 30'],
      ]),
    );
    expect(read0.terminalId).toBe('10000001');
    expect(toHex(read0.vendorFixedData ?? new Uint8Array())).toBe('4142434445464748');
    expect(toHex(read0.vendorExtraData ?? new Uint8Array())).toBe('41323630');
  });

  it('reads an encrypted track (any nibble) without misreading it', () => {
    const read0 = read(
      message('0200', [
        [35, '05 AB CD EF'],
        [53, '26 10 00 00 00 00 00 00'],
      ]),
    );
    expect(read0.track2).toBe('ABC=E');
    expect(read0.securityControl?.charAt(2)).toBe('1');
  });

  it('reads MTIs the host does not serve', () => {
    expect(read(message('0620', IDS)).mti).toBe('0620');
  });

  it('reads every working-key form: 32 and 52 bytes, and a real double-length MAK', () => {
    const forms = [32, 52, 40].map((length) => {
      const keys = new Uint8Array(length).map((_, index) => index + 1);
      const result = readWorkingKeys(keys);
      if (!result.ok) throw new Error(result.error.detail);
      return result.value;
    });
    expect(forms.map((keys) => keys.macKey.length)).toEqual([8, 8, 16]);
    expect(forms[1]?.trackKey?.length).toBe(16);
    expect(readWorkingKeys(new Uint8Array(41)).ok).toBe(false);
  });

  it('reads a secondary bitmap that names no field above 64', () => {
    const secondary = 'C000000000000000' + '0000000000000000';
    const bytes = fromHex(`0200${secondary}196212261234567890123F`);
    const read0 = read(bytes ?? new Uint8Array());
    expect(read0.pan).toBe('6212261234567890123');
  });
});

group('broken frames', () => {
  it('a fixed field cut short is truncated, never a read past the end', () => {
    const whole = message('0200', [[11, '00 01 23'], ...IDS]);
    for (let cut = 0; cut < whole.length; cut++) {
      const error = failure(whole.subarray(0, cut));
      expect(error.reason).toBe('truncated');
    }
    const cut = failure(whole.subarray(0, whole.length - 3));
    expect(cut.fieldPath).toEqual(['42']);
  });

  it('bytes after the last field are refused', () => {
    const bytes = message('0800', [[11, '00 00 01 FF']]);
    expect(failure(bytes)).toMatchObject({ fieldPath: ['message'], reason: 'trailing_bytes' });
  });

  it('a frame whose length disagrees with its bytes is refused, with what was read', () => {
    const bytes = frame(message('0200', [[11, '00 01 23'], ...IDS]));
    const longer = new Uint8Array([...bytes, 0x00]);
    const result = unpackFrame(longer);
    expect(result.ok ? 'ok' : result.error.reason).toBe('trailing_bytes');
    expect(result.ok ? undefined : result.error.partial?.terminalId).toBe('10000001');
    const shorter = unpackFrame(bytes.subarray(0, bytes.length - 1));
    expect(shorter.ok ? 'ok' : shorter.error.reason).toBe('truncated');
  });
});

group('unreadable messages report what identifies them', () => {
  it('an unknown field stops reading; MTI and ids before it are reported', () => {
    const error = failure(message('0200', [[3, '00 00 00'], [11, '00 01 23'], ...IDS, [45, '00']]));
    expect(error).toMatchObject({ fieldPath: ['45'], reason: 'unknown_field' });
    expect(error.partial).toEqual({
      mti: '0200',
      processingCode: '000000',
      stan: '000123',
      terminalId: '10000001',
      merchantNo: '898310048160001',
    });
  });

  it('a bad PAN digit still lets 41 and 42 be read, to answer 30 (§9)', () => {
    const badPan: [number, string] = [2, '16 62 17 00 12 34 56 7A 94'];
    const bytes = frame(message('0200', [badPan, [4, '00 00 00 00 10 00'], ...IDS]));
    const result = unpackFrame(bytes);
    if (result.ok) throw new Error('expected an error');
    expect(result.error).toMatchObject({ fieldPath: ['2'], reason: 'invalid_digit', offset: 23 });
    expect(result.error.partial).toMatchObject({
      mti: '0200',
      amountFen: 1000n,
      terminalId: '10000001',
      merchantNo: '898310048160001',
      tpdu: { id: '60', destination: '0003', source: '0000' },
    });
    expect(
      JSON.stringify(result.error, (_k, v: unknown) => (typeof v === 'bigint' ? 0 : v)),
    ).not.toContain('6217');
  });
});

group('reasons', () => {
  it('names the reason for each kind of bad content', () => {
    const cases: [Uint8Array, string[], string][] = [
      [message('0200', [[2, '20 00 00 00 00 00 00 00 00 00 00']]), ['2'], 'length_out_of_range'],
      [message('0200', [[2, '1A 00']]), ['2'], 'invalid_length_prefix'],
      [message('0200', [[41, '31 30 30 07 30 30 30 31']]), ['41'], 'invalid_text'],
      [message('0200', [[60, '00 11 2A 00 00 01 00 00']]), ['60'], 'invalid_digit'],
      [message('0210', [[63, '00 02 81 20']]), ['63'], 'invalid_text'],
      [fromHex('0A00') ?? new Uint8Array(), ['mti'], 'invalid_mti'],
      [fromHex('0200C0') ?? new Uint8Array(), ['bitmap'], 'truncated'],
      [message('0200', [[70, '00']]), ['70'], 'unknown_field'],
    ];
    for (const [bytes, fieldPath, reason] of cases) {
      expect(failure(bytes)).toMatchObject({ fieldPath, reason });
    }
    const oversized = message('0200', [[55, `02 56 ${'00'.repeat(256)}`]]);
    expect(failure(oversized)).toMatchObject({ fieldPath: ['55'], reason: 'length_out_of_range' });
  });

  it('refuses frames too short to hold a TPDU and header', () => {
    for (const bytes of [[], [0x00], [0x00, 0x01, 0x60]]) {
      const result = unpackFrame(Uint8Array.from(bytes));
      expect(result.ok ? 'ok' : result.error.reason).toBe('truncated');
    }
  });
});
