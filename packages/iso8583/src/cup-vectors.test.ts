// Goal: hand-written CUP frames read to their JSON and write back exact. Method: one case per file.
import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { loadVector, parseHexFile, vectorDirectory, vectorNames } from '../test/vectors.ts';
import {
  findTlv,
  macInput,
  packFrame,
  readSettlementTotals,
  readTlv,
  readWorkingKeys,
  toHex,
  toJsonMessage,
  unpack,
  unpackFrame,
} from './index.ts';

const names = vectorNames();

group('CUP test vectors', () => {
  it('covers every operation the issue names', () => {
    const mtis = names.map((name) => loadVector(name).json.mti);
    for (const mti of ['0800', '0810', '0200', '0210', '0220', '0230', '0400', '0410', '0500']) {
      expect(mtis).toContain(mti);
    }
    expect(mtis).toContain('0510');
    expect(mtis).toContain('0320');
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)('%s unpacks to its JSON', (name) => {
    const vector = loadVector(name);
    const result = unpackFrame(vector.bytes);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    expect(result.value.tpdu).toEqual(vector.frame.tpdu);
    expect(result.value.header).toEqual(vector.frame.header);
    expect(result.value.message).toEqual(vector.frame.message);
    expect(toJsonMessage(result.value.message)).toEqual(vector.json);
  });

  it.each(names)('%s packs back byte for byte', (name) => {
    const vector = loadVector(name);
    const packed = packFrame(vector.frame);
    if (!packed.ok) throw new Error(`${name}: ${JSON.stringify(packed.error)}`);
    expect(toHex(packed.value)).toBe(toHex(vector.bytes));
  });

  it.each(names)('%s: its message alone round-trips through unpack', (name) => {
    const vector = loadVector(name);
    const message = vector.bytes.subarray(13);
    const result = unpack(message);
    expect(result.ok && result.value).toEqual(vector.frame.message);
  });

  it.each(names)('%s: the MAC input is MTI .. the field before 64, as sent', (name) => {
    const vector = loadVector(name);
    const message = vector.bytes.subarray(13);
    const frame = unpackFrame(vector.bytes);
    const input = macInput(message);
    if (vector.frame.message.mac === undefined) {
      expect(input.ok ? 'ok' : input.error.reason).toBe('mac_absent');
      expect(frame.ok && frame.value.macInput).toBeUndefined();
      return;
    }
    const expected = toHex(message.subarray(0, message.length - 8));
    expect(input.ok && toHex(input.value)).toBe(expected);
    expect(frame.ok && frame.value.macInput && toHex(frame.value.macInput)).toBe(expected);
  });

  it('the README annotations are exactly the .hex files', () => {
    const readme = readFileSync(`${vectorDirectory}README.md`, 'utf8');
    const blocks = [...readme.matchAll(/^## (\S+)\n[\s\S]*?```text\n([\s\S]*?)```/gm)];
    expect(blocks.map((block) => block[1]).sort()).toEqual(names);
    for (const [, name, block] of blocks) {
      const annotated = (block ?? '').replace(/#.*$/gm, '');
      const file = readFileSync(`${vectorDirectory}${name}.hex`, 'utf8');
      expect(toHex(parseHexFile(annotated)), name).toBe(toHex(parseHexFile(file)));
    }
  });
});

group('field contents of the vectors', () => {
  it('reads the three working-key forms of the sign-in answers', () => {
    const keysOf = (name: string) => {
      const keys = loadVector(name).frame.message.workingKeys;
      const result = readWorkingKeys(keys ?? new Uint8Array());
      if (!result.ok) throw new Error(result.error.detail);
      return result.value;
    };
    const single = keysOf('sign-in-0810-001');
    expect(toHex(single.pinKey)).toBe('1122334455667788');
    expect(toHex(single.macKey)).toBe('99AABBCCDDEEFF00');
    expect(single.trackKey).toBeUndefined();
    const double = keysOf('sign-in-0810-003');
    expect(toHex(double.pinKey)).toBe('0102030405060708090A0B0C0D0E0F10');
    expect(toHex(double.macKey)).toBe('2122232425262728');
    expect(toHex(double.macKeyCheck)).toBe('D1D2D3D4');
    const withTrack = keysOf('sign-in-0810-004');
    expect(toHex(withTrack.macKey)).toBe('B0B1B2B3B4B5B6B7');
    expect(toHex(withTrack.trackKey ?? new Uint8Array())).toBe('C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF');
    expect(toHex(withTrack.trackKeyCheck ?? new Uint8Array())).toBe('090A0B0C');
  });

  it('reads settlement totals from 0500 and 0510', () => {
    const request = readSettlementTotals(loadVector('settlement-0500').json.additionalData ?? '');
    expect(request.ok && request.value.domestic).toEqual({
      debitAmountFen: 2000n,
      debitCount: 2,
      creditAmountFen: 1500n,
      creditCount: 2,
      reconciliationCode: '0',
    });
    const answer = readSettlementTotals(loadVector('settlement-0510').json.additionalData ?? '');
    expect(answer.ok && answer.value.foreign.reconciliationCode).toBe('1');
    expect(answer.ok && answer.value.domestic.reconciliationCode).toBe('1');
  });

  it('reads the chip data of the chip sale as TLV', () => {
    const chipData = loadVector('sale-0200-chip').frame.message.chipData ?? new Uint8Array();
    const items = readTlv(chipData);
    if (!items.ok) throw new Error(items.error.detail);
    expect(items.value.map((item) => item.tag)).toEqual([
      '9F26',
      '9F27',
      '9F10',
      '9F37',
      '9F36',
      '95',
      '9A',
      '9C',
      '9F02',
      '5F2A',
      '82',
      '9F1A',
      '9F03',
      '9F33',
    ]);
    expect(toHex(findTlv(items.value, '9f02') ?? new Uint8Array())).toBe('000000012345');
  });
});
