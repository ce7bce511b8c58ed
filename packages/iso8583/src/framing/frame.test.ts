// Goal: frames pack with length, TPDU and header, and refuse bad parts by name. Method: examples.
import { describe as group, expect, it } from 'vitest';
import { loadVector } from '../../test/vectors.ts';
import { toHex } from '../encoding/hex.ts';
import { packFrame, unpackFrame } from './frame.ts';
import { answerHeader } from './header.ts';
import { swapTpdu } from './tpdu.ts';

const signIn = loadVector('sign-in-0800-003').frame;

group('frames', () => {
  it('swaps the TPDU addresses and sets the processing request for the answer', () => {
    expect(swapTpdu(signIn.tpdu)).toEqual({ id: '60', destination: '0000', source: '0003' });
    expect(answerHeader(signIn.header, '3').processingRequest).toBe('3');
  });

  it('refuses a TPDU or header that is not hex of the right size', () => {
    const badTpdu = packFrame({ ...signIn, tpdu: { ...signIn.tpdu, destination: '003' } });
    expect(badTpdu.ok ? 'ok' : badTpdu.error.fieldPath).toEqual(['tpdu']);
    const badHeader = packFrame({ ...signIn, header: { ...signIn.header, terminalStatus: 'x' } });
    expect(badHeader.ok ? 'ok' : badHeader.error.fieldPath).toEqual(['header']);
  });

  it('fills the MAC when asked, over exactly the bytes macInput names', () => {
    const sale = loadVector('sale-0200-magstripe');
    let input: Uint8Array = new Uint8Array();
    const packed = packFrame(sale.frame, {
      computeMac: (bytes) => {
        input = bytes;
        return Uint8Array.from(Buffer.from('3A7F19C2'));
      },
    });
    expect(packed.ok && toHex(packed.value)).toBe(toHex(sale.bytes));
    expect(toHex(input)).toBe(toHex(sale.bytes.subarray(13, sale.bytes.length - 8)));
  });

  it('refuses a MAC that is not 8 bytes', () => {
    const sale = loadVector('sale-0200-magstripe');
    const packed = packFrame(sale.frame, { computeMac: () => new Uint8Array(4) });
    expect(packed.ok ? 'ok' : packed.error).toMatchObject({ fieldPath: ['64'] });
  });
});
