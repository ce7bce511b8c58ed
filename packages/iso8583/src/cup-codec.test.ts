// Goal: pack refuses messages it cannot write, naming the property or field. Method: examples.
import { describe as group, expect, it } from 'vitest';
import { fromJsonMessage, type JsonMessage, macInput, pack, packFrame } from './index.ts';

function packError(message: Parameters<typeof pack>[0]): unknown {
  const result = pack(message);
  return result.ok ? 'ok' : { fieldPath: result.error.fieldPath, reason: result.error.reason };
}

group('pack errors', () => {
  it('names the field and reason', () => {
    expect(packError({ mti: '0200', amountFen: -1n })).toEqual({
      fieldPath: ['4'],
      reason: 'invalid_value',
    });
    expect(packError({ mti: '0200', amountFen: 10n ** 12n })).toMatchObject({ fieldPath: ['4'] });
    const shortStan = packError({ mti: '0200', stan: '123' });
    expect(shortStan).toMatchObject({ reason: 'length_out_of_range' });
    expect(packError({ mti: '0200', pan: '62170012345678901234' })).toMatchObject({
      fieldPath: ['2'],
    });
    expect(packError({ mti: '0200', terminalId: '终端' })).toMatchObject({ fieldPath: ['41'] });
    expect(packError({ mti: '2000x' })).toMatchObject({ reason: 'invalid_mti' });
  });

  it('refuses properties that do not belong to the message class', () => {
    expect(packError({ mti: '0210', operatorNo: '01 ' })).toMatchObject({ fieldPath: ['63'] });
    expect(packError({ mti: '0800', workingKeys: new Uint8Array(24) })).toMatchObject({
      fieldPath: ['62'],
    });
    expect(packError({ mti: '0210', responseText: 'x' })).toMatchObject({ fieldPath: ['63'] });
    expect(packError({ mti: '0210', cardOrganisation: 'CU', responseText: 'x' })).toMatchObject({
      fieldPath: ['63'],
    });
  });

  it('refuses a tail that would read back as a sub-field', () => {
    const message = { mti: '0200', originalBatchNo: '000001', originalTail: '123456' };
    expect(packError(message)).toMatchObject({ fieldPath: ['61'], reason: 'invalid_value' });
  });

  it('refuses what is not a message or frame at all, without throwing', () => {
    const notAMessage = null as unknown as Parameters<typeof pack>[0];
    expect(packError(notAMessage)).toMatchObject({ reason: 'invalid_value' });
    const frame = { tpdu: null, header: null, message: { mti: '0800' } };
    const packed = packFrame(frame as unknown as Parameters<typeof packFrame>[0]);
    expect(packed.ok ? 'ok' : packed.error.fieldPath).toEqual(['tpdu']);
  });

  it('gives mac_absent for a message without field 64', () => {
    const packed = pack({ mti: '0800', stan: '000001' });
    const input = packed.ok ? macInput(packed.value) : undefined;
    expect(input?.ok === false && input.error.reason).toBe('mac_absent');
  });
});

group('JSON form', () => {
  it('refuses unknown properties and values of the wrong kind', () => {
    const unknown = { mti: '0200', colour: 'red' } as unknown as JsonMessage;
    expect(fromJsonMessage(unknown).ok).toBe(false);
    expect(fromJsonMessage({ mti: '0200', amountFen: '1.5' }).ok).toBe(false);
    expect(fromJsonMessage({ mti: '0200', mac: 'XYZ' }).ok).toBe(false);
    expect(fromJsonMessage(null as unknown as JsonMessage).ok).toBe(false);
  });
});
