// Goal: the host module and the terminal helpers work together as a POS and its acquirer do.
// Method: seeded module; sign-in, MAC and PIN flows end to end; fast-check for MAC and PIN.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hasOddParity } from './block-cipher.ts';
import { HsmError, type HsmErrorCode, type HsmResult } from './errors.ts';
import {
  createSecurityModule,
  encryptPinBlock,
  generateTerminalMac,
  readSignInKeys,
  verifyTerminalMac,
  type ClearKey,
  type KeyUnderLmk,
  type MacAlgorithm,
  type SignInCode,
  type TerminalWorkingKeys,
} from './index.ts';
import { hex, pinOfFormat0Block, seededRandom, tdesDecrypt, toHex } from './test-support.ts';

const LMK_HEX = '00112233445566778899AABBCCDDEEFF0123456789ABCDEFFEDCBA9876543210';
const ZPK_HEX = '89ABCDEF0123456776543210FEDCBA98';

function valueOf<T>(result: HsmResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.outcome}`);
  return result.value;
}

function codeOf(action: () => unknown): HsmErrorCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof HsmError) return error.code;
    throw error;
  }
}

function newModule(seed = 'security-module-test') {
  return createSecurityModule({ masterKeyHex: LMK_HEX, random: seededRandom(seed) });
}

/** A terminal after key loading and a `code` sign-in, with the host's stored keys. */
function signedIn(code: SignInCode, options: { doubleLengthMak?: boolean } = {}) {
  const hsm = newModule(`sign-in-${code}`);
  const tmkUnderLmk = hsm.generateTmk(code === '006' ? { scheme: 'sm4' } : { scheme: '3des' });
  const injected = hsm.exportTmkForInjection(tmkUnderLmk);
  const tmk: ClearKey = { scheme: injected.scheme, clearKeyHex: injected.clearKeyHex };
  const request = { tmkUnderLmk, networkManagementCode: code, ...options };
  const issued = valueOf(hsm.issueWorkingKeys(request));
  const terminal: TerminalWorkingKeys = valueOf(readSignInKeys({ tmk, field62: issued.field62 }));
  return { hsm, tmkUnderLmk, tmk, issued, terminal };
}

describe('terminal master keys', () => {
  it('generates odd-parity double-length 3DES TMKs by default, single or SM4 on request', () => {
    const hsm = newModule();
    const tmk = hsm.generateTmk();
    const clear = hex(hsm.exportTmkForInjection(tmk).clearKeyHex);
    expect(clear.length).toBe(16);
    expect(hasOddParity(clear)).toBe(true);
    expect(tmk).toMatchObject({ scheme: '3des', usage: 'tmk' });
    const single = hsm.exportTmkForInjection(hsm.generateTmk({ scheme: '3des', length: 'single' }));
    expect(single.clearKeyHex).toHaveLength(16);
    const sm4 = hsm.exportTmkForInjection(hsm.generateTmk({ scheme: 'sm4' }));
    expect(sm4).toMatchObject({ scheme: 'sm4' });
    expect(sm4.clearKeyHex).toHaveLength(32);
  });

  it('is deterministic under a seeded random source', () => {
    expect(newModule('same').generateTmk()).toEqual(newModule('same').generateTmk());
    expect(newModule('same').generateTmk()).not.toEqual(newModule('other').generateTmk());
  });

  it('imports a clear TMK, checking its KCV from the key sheet (3 or 4 bytes)', () => {
    const hsm = newModule();
    const clearKeyHex = '0123456789ABCDEFFEDCBA9876543210';
    const tmk = valueOf(hsm.importTmk({ scheme: '3des', clearKeyHex, expectedKcv: '08d7b4' }));
    expect(tmk.kcv).toBe('08D7B4FB');
    const exported = hsm.exportTmkForInjection(tmk);
    expect(exported).toEqual({ scheme: '3des', clearKeyHex, kcv: '08D7B4FB' });
    expect(hsm.importTmk({ scheme: '3des', clearKeyHex, expectedKcv: '08D7B5' })).toEqual({
      ok: false,
      outcome: 'check_value_mismatch',
    });
    expect(hsm.importTmk({ scheme: '3des', clearKeyHex: '0123' }).ok).toBe(false);
    expect(hsm.importTmk({ scheme: 'sm4', clearKeyHex: '0123456789ABCDEF' })).toEqual({
      ok: false,
      outcome: 'key_invalid',
    });
  });

  it('exports only TMKs in clear', () => {
    const { hsm, issued } = signedIn('004');
    expect(codeOf(() => hsm.exportTmkForInjection(issued.pikUnderLmk))).toBe('key_usage_mismatch');
    expect(codeOf(() => hsm.exportTmkForInjection(issued.makUnderLmk))).toBe('key_usage_mismatch');
  });
});

describe('sign-in: working keys under the LMK, under the TMK and as field 62', () => {
  it('001: 24 bytes, single-length PIK and MAK', () => {
    const { issued, terminal } = signedIn('001');
    expect(issued.field62.length).toBe(24);
    expect(terminal.pik.clearKeyHex).toHaveLength(16);
    expect(terminal.mak.clearKeyHex).toHaveLength(16);
    expect(terminal.tdk).toBeUndefined();
    expect(toHex(issued.field62)).toBe(
      issued.pikUnderTmk.cryptogram +
        issued.pikUnderTmk.kcv +
        issued.makUnderTmk.cryptogram +
        issued.makUnderTmk.kcv,
    );
  });

  it('003: 40 bytes, double PIK, single MAK followed by 8 zero bytes', () => {
    const { issued, terminal } = signedIn('003');
    expect(issued.field62.length).toBe(40);
    expect(toHex(issued.field62.subarray(28, 36))).toBe('00'.repeat(8));
    expect(issued.makUnderTmk.cryptogram).toHaveLength(16);
    expect(terminal.pik.clearKeyHex).toHaveLength(32);
    expect(terminal.mak.clearKeyHex).toHaveLength(16);
  });

  it('004: 60 bytes with a TDK; 006: 60 bytes of SM4 keys', () => {
    const des = signedIn('004');
    expect(des.issued.field62.length).toBe(60);
    expect(des.terminal.tdk?.clearKeyHex).toHaveLength(32);
    expect(des.issued.tdkUnderLmk).toMatchObject({ usage: 'tdk', scheme: '3des' });
    const sm4 = signedIn('006');
    expect(sm4.issued.field62.length).toBe(60);
    expect(sm4.terminal.mak).toMatchObject({ scheme: 'sm4' });
    expect(sm4.terminal.mak.clearKeyHex).toHaveLength(32);
  });

  it('a real double-length MAK on request; the terminal reads it as double', () => {
    const { issued, terminal } = signedIn('003', { doubleLengthMak: true });
    expect(toHex(issued.field62.subarray(28, 36))).not.toBe('00'.repeat(8));
    expect(terminal.mak.clearKeyHex).toHaveLength(32);
  });

  it('host and terminal hold the same keys: check values agree everywhere', () => {
    for (const code of ['001', '003', '004', '006'] as const) {
      const { issued } = signedIn(code);
      expect(issued.pikUnderLmk.kcv).toBe(issued.pikUnderTmk.kcv);
      expect(issued.makUnderLmk.kcv).toBe(issued.makUnderTmk.kcv);
      expect(issued.pikUnderLmk).toMatchObject({ usage: 'pik' });
      expect(issued.makUnderLmk).toMatchObject({ usage: 'mak' });
    }
  });

  it('refuses unknown codes and codes that do not fit the TMK scheme', () => {
    const hsm = newModule();
    const des = hsm.generateTmk();
    const sm4 = hsm.generateTmk({ scheme: 'sm4' });
    const refused = { ok: false, outcome: 'network_management_code_unsupported' };
    const issue = (tmkUnderLmk: KeyUnderLmk, networkManagementCode: string) =>
      hsm.issueWorkingKeys({ tmkUnderLmk, networkManagementCode });
    expect(issue(des, '002')).toEqual(refused);
    expect(issue(des, '006')).toEqual(refused);
    expect(issue(sm4, '004')).toEqual(refused);
    expect(issue(sm4, '')).toEqual(refused);
  });

  it('works under a single-length TMK (DES decryption of every key)', () => {
    const hsm = newModule();
    const tmkUnderLmk = hsm.generateTmk({ scheme: '3des', length: 'single' });
    const { clearKeyHex } = hsm.exportTmkForInjection(tmkUnderLmk);
    const issued = valueOf(hsm.issueWorkingKeys({ tmkUnderLmk, networkManagementCode: '004' }));
    const tmk: ClearKey = { scheme: '3des', clearKeyHex };
    const keys = valueOf(readSignInKeys({ tmk, field62: issued.field62 }));
    expect(keys.pik.clearKeyHex).toHaveLength(32);
  });
});

describe('terminal side: reading field 62', () => {
  it('reads the 32- and 52-byte vendor forms (MAK slot of 8 bytes)', () => {
    const { issued, tmk, terminal } = signedIn('004');
    const f = Buffer.from(issued.field62);
    const short = Buffer.concat([f.subarray(0, 28), f.subarray(36)]);
    const keys = valueOf(readSignInKeys({ tmk, field62: short }));
    expect(keys).toEqual(terminal);
    const without = Buffer.concat([f.subarray(0, 28), f.subarray(36, 40)]);
    expect(valueOf(readSignInKeys({ tmk, field62: without })).mak).toEqual(terminal.mak);
  });

  it('refuses the keys when any check value or key byte differs', () => {
    const { issued, tmk } = signedIn('004');
    for (const position of [0, 17, 20, 36, 39, 40, 59]) {
      const field62 = Buffer.from(issued.field62);
      field62[position] = (field62[position] ?? 0) ^ 0x01;
      const refused = { ok: false, outcome: 'check_value_mismatch' };
      expect(readSignInKeys({ tmk, field62 })).toEqual(refused);
    }
  });

  it('refuses the keys under another TMK, and unknown lengths', () => {
    const { issued } = signedIn('003');
    const wrongTmk: ClearKey = { scheme: '3des', clearKeyHex: '0123456789ABCDEFFEDCBA9876543210' };
    expect(readSignInKeys({ tmk: wrongTmk, field62: issued.field62 })).toEqual({
      ok: false,
      outcome: 'check_value_mismatch',
    });
    expect(readSignInKeys({ tmk: wrongTmk, field62: new Uint8Array(41) })).toEqual({
      ok: false,
      outcome: 'key_layout_invalid',
    });
  });
});

describe('MACs: terminal and host agree', () => {
  const setups = [
    ['001', 'cup-ecb'],
    ['003', 'cup-ecb'],
    ['004', 'x919'],
    ['006', 'cup-ecb'],
  ] as const;

  for (const [code, algorithm] of setups) {
    const { hsm, issued, terminal } = signedIn(code);
    const makUnderLmk = issued.makUnderLmk;
    test.prop([fc.uint8Array({ maxLength: 400 }), fc.nat()])(
      `${code} ${algorithm}: a terminal MAC verifies; one flipped bit in data or MAC fails`,
      (data, bit) => {
        const mac = generateTerminalMac({ mak: terminal.mak, algorithm, data });
        expect(toHex(hsm.generateMac({ makUnderLmk, algorithm, data }))).toBe(toHex(mac));
        expect(hsm.verifyMac({ makUnderLmk, algorithm, data, mac })).toBe(true);
        const flippedMac = Buffer.from(mac);
        flippedMac[(bit >> 3) % 8] = (flippedMac[(bit >> 3) % 8] ?? 0) ^ (1 << (bit & 7));
        expect(hsm.verifyMac({ makUnderLmk, algorithm, data, mac: flippedMac })).toBe(false);
        if (data.length > 0) {
          const flipped = Buffer.from(data);
          const index = (bit >> 3) % data.length;
          flipped[index] = (flipped[index] ?? 0) ^ (1 << (bit & 7));
          expect(hsm.verifyMac({ makUnderLmk, algorithm, data: flipped, mac })).toBe(false);
        }
      },
    );
  }

  it('the terminal verifies the host answer the same way', () => {
    const { hsm, issued, terminal } = signedIn('004');
    const data = Buffer.from('0210 answer');
    const algorithm: MacAlgorithm = 'cup-ecb';
    const mac = hsm.generateMac({ makUnderLmk: issued.makUnderLmk, algorithm, data });
    expect(verifyTerminalMac({ mak: terminal.mak, algorithm, data, mac })).toBe(true);
    const short = mac.subarray(1);
    expect(verifyTerminalMac({ mak: terminal.mak, algorithm, data, mac: short })).toBe(false);
  });

  it('a loaded MAK serves only its own cryptogram: relabelled or altered, it is refused', () => {
    const { hsm, issued } = signedIn('003');
    const data = Buffer.from('0200 sale');
    const makUnderLmk = issued.makUnderLmk;
    const mac = hsm.generateMac({ makUnderLmk, algorithm: 'cup-ecb', data });
    expect(toHex(hsm.generateMac({ makUnderLmk, algorithm: 'cup-ecb', data }))).toBe(toHex(mac));
    const relabelled = { ...makUnderLmk, usage: 'pik' } as const;
    const kcvChanged = { ...makUnderLmk, kcv: 'FFFFFFFF' };
    const flipped =
      makUnderLmk.cryptogram.slice(0, -1) + (makUnderLmk.cryptogram.endsWith('0') ? '1' : '0');
    const generate = (key: KeyUnderLmk) => () =>
      hsm.generateMac({ makUnderLmk: key, algorithm: 'cup-ecb', data });
    expect(codeOf(generate(relabelled))).toBe('key_usage_mismatch');
    expect(codeOf(generate(kcvChanged))).toBe('key_cryptogram_invalid');
    expect(codeOf(generate({ ...makUnderLmk, cryptogram: flipped }))).toBe(
      'key_cryptogram_invalid',
    );
  });

  it('wrong MAC → false; wrong key usage or X9.19 with SM4 → HsmError', () => {
    const { hsm, issued } = signedIn('006');
    const data = Buffer.from('data');
    const mac = Buffer.alloc(8);
    const makUnderLmk = issued.makUnderLmk;
    expect(hsm.verifyMac({ makUnderLmk, algorithm: 'cup-ecb', data, mac })).toBe(false);
    const withPik = () =>
      hsm.generateMac({ makUnderLmk: issued.pikUnderLmk, algorithm: 'cup-ecb', data });
    expect(codeOf(withPik)).toBe('key_usage_mismatch');
    const x919 = () => hsm.generateMac({ makUnderLmk, algorithm: 'x919', data });
    expect(codeOf(x919)).toBe('algorithm_unsupported');
  });
});

describe('PIN translation: terminal PIK → network ZPK', () => {
  const { hsm, issued, terminal } = signedIn('004');
  const zpkUnderLmk = valueOf(hsm.importZpk({ scheme: '3des', clearKeyHex: ZPK_HEX }));
  const pikUnderLmk = issued.pikUnderLmk;

  /** Test-only path: decrypt under the clear ZPK, as the network would. */
  const pinUnderZpk = (block: Uint8Array, pan: string) =>
    pinOfFormat0Block(tdesDecrypt(hex(ZPK_HEX), Buffer.from(block)), pan);

  test.prop([fc.stringMatching(/^[0-9]{4,12}$/), fc.stringMatching(/^[0-9]{13,19}$/)])(
    'the PIN under the ZPK is the PIN the cardholder typed',
    (pin, pan) => {
      const pinBlock = valueOf(encryptPinBlock({ pik: terminal.pik, pin, pan }));
      const translated = valueOf(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock, pan }));
      expect(translated.length).toBe(8);
      expect(pinUnderZpk(translated, pan)).toBe(pin);
    },
  );

  it('ISO 9564 example through the terminal PIK: 0412AC89ABCDEF67 arrives under the ZPK', () => {
    const pan = '43219876543210987';
    const pinBlock = valueOf(encryptPinBlock({ pik: terminal.pik, pin: '1234', pan }));
    const translated = valueOf(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock, pan }));
    expect(toHex(tdesDecrypt(hex(ZPK_HEX), Buffer.from(translated)))).toBe('0412AC89ABCDEF67');
  });

  it('refuses a block that is not format 0 for the PAN (wrong PIK, wrong PAN, garbage)', () => {
    const pan = '6222020200112233445';
    const pinBlock = valueOf(encryptPinBlock({ pik: terminal.pik, pin: '1234', pan }));
    const refused = { ok: false, outcome: 'pin_block_invalid' };
    const other = '6222020200112299995';
    expect(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock, pan: other })).toEqual(refused);
    const garbage = Buffer.from('0123456789ABCDEF', 'hex');
    expect(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock: garbage, pan })).toEqual(refused);
    const short = pinBlock.subarray(0, 7);
    expect(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock: short, pan })).toEqual(refused);
    const badPan = { ok: false, outcome: 'pan_invalid' };
    expect(hsm.translatePin({ pikUnderLmk, zpkUnderLmk, pinBlock, pan: '12' })).toEqual(badPan);
  });

  it('refuses keys of the wrong usage: a ZPK as PIK, a PIK as ZPK, a MAK', () => {
    const pan = '4111111111111111';
    const pinBlock = valueOf(encryptPinBlock({ pik: terminal.pik, pin: '1234', pan }));
    const swapped = { pikUnderLmk: zpkUnderLmk, zpkUnderLmk: pikUnderLmk, pinBlock, pan };
    expect(codeOf(() => hsm.translatePin(swapped))).toBe('key_usage_mismatch');
    const mak: KeyUnderLmk = issued.makUnderLmk;
    const withMak = () => hsm.translatePin({ ...swapped, pikUnderLmk: mak });
    expect(codeOf(withMak)).toBe('key_usage_mismatch');
  });

  it('terminal PIN entry refuses bad PINs and PANs', () => {
    expect(encryptPinBlock({ pik: terminal.pik, pin: '12', pan: '4111111111111111' })).toEqual({
      ok: false,
      outcome: 'pin_invalid',
    });
    expect(encryptPinBlock({ pik: terminal.pik, pin: '1234', pan: '4111' })).toEqual({
      ok: false,
      outcome: 'pan_invalid',
    });
  });
});
