// Goal: logs show no card data: PAN masked 6+4; track, PIN, MAC, keys hidden. Method: examples.
import { describe as group, expect, it } from 'vitest';
import { loadVector } from '../test/vectors.ts';
import { describe, maskPan, redactMessage } from './index.ts';

group('masking', () => {
  it('masks a PAN to its first 6 and last 4 digits', () => {
    expect(maskPan('6212261234567890123')).toBe('621226*********0123');
    expect(maskPan('1234567890')).toBe('**********');
  });

  it('hides tracks, PIN block and MAC, and masks the PAN of a sale', () => {
    const { message } = loadVector('void-0200').frame;
    const text = describe(message);
    expect(text).toContain('[2] pan: 621226*********0123');
    expect(text).toContain('[35] track2: (hidden, 37 characters)');
    expect(text).toContain('[52] pinBlock: (hidden, 8 bytes)');
    expect(text).toContain('[64] mac: (hidden, 8 bytes)');
    expect(text).toContain('[61] originalVoucherNo: "000123"');
    expect(text).not.toContain('6212261234567890123');
    expect(text).not.toMatch(/1F2E3D4C/i);
  });

  it('hides the working keys of a sign-in answer', () => {
    const text = describe(loadVector('sign-in-0810-004').frame.message);
    expect(text).toContain('[62] workingKeys: (hidden, 60 bytes)');
    expect(text).not.toContain('A0A1A2');
  });

  it('masks the PANs inside batch upload records', () => {
    const safe = redactMessage(loadVector('batch-upload-0320').frame.message);
    expect(safe['additionalData']).toBe(
      '02 00 000123 0621226*********0123 000000001000 00 000127 0000621700******7894 000000001000',
    );
  });

  it('shows chip data tag by tag, hiding track-equivalent data and masking 5A', () => {
    const hex = '5A08621700123456789457086217001234567' + '89D';
    const chipData = Uint8Array.from(Buffer.from(hex, 'hex'));
    const text = describe({ mti: '0200', chipData });
    expect(text).toContain('5A=621700******7894');
    expect(text).toContain('57=(hidden, 8 bytes)');
  });

  it('shows Chinese answer text and amounts as they are', () => {
    const text = describe(loadVector('void-0210-approved').frame.message);
    expect(text).toContain('[63] responseText: "工商银行"');
    expect(text).toContain('[4] amountFen: 1000');
  });
});
