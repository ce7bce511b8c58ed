// Goal: no error, outcome or inspected object ever carries key material. Method: drive every
// failure path with real keys around, then search each message, stack and dump for their hex.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  HsmError,
  createSecurityModule,
  encryptPinBlock,
  generateTerminalMac,
  readSignInKeys,
  type KeyUnderLmk,
} from './index.ts';
import { seededRandom } from './test-support.ts';

const LMK_HEX = '00112233445566778899AABBCCDDEEFF0123456789ABCDEFFEDCBA9876543210';
const OTHER_LMK_HEX = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
const ZPK_HEX = '89ABCDEF0123456776543210FEDCBA98';

const hsm = createSecurityModule({ masterKeyHex: LMK_HEX, random: seededRandom('leak') });
const tmkUnderLmk = hsm.generateTmk();
const tmkHex = hsm.exportTmkForInjection(tmkUnderLmk).clearKeyHex;
const issuedResult = hsm.issueWorkingKeys({ tmkUnderLmk, networkManagementCode: '004' });
if (!issuedResult.ok) throw new Error('sign-in failed in setup');
const issued = issuedResult.value;
const openedResult = readSignInKeys({
  tmk: { scheme: '3des', clearKeyHex: tmkHex },
  field62: issued.field62,
});
if (!openedResult.ok) throw new Error('terminal could not read field 62 in setup');
const terminal = openedResult.value;
const zpkResult = hsm.importZpk({ scheme: '3des', clearKeyHex: ZPK_HEX });
if (!zpkResult.ok) throw new Error('ZPK import failed in setup');
const zpkUnderLmk = zpkResult.value;

const secrets = [
  LMK_HEX,
  OTHER_LMK_HEX,
  ZPK_HEX,
  tmkHex,
  terminal.pik.clearKeyHex,
  terminal.mak.clearKeyHex,
  terminal.tdk?.clearKeyHex ?? '',
];
// Whole keys and each 8-byte half, in both cases.
const needles = secrets
  .flatMap((key) => [key, key.slice(0, 16), key.slice(16)])
  .filter((needle) => needle.length >= 16)
  .flatMap((needle) => [needle.toUpperCase(), needle.toLowerCase()]);

function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ''];
  if (value instanceof Error) out.push(value.message, String(value), value.stack ?? '');
  return out;
}

function expectNoKeyMaterial(value: unknown): void {
  for (const text of renderings(value)) {
    for (const needle of needles) expect(text.includes(needle), 'key material').toBe(false);
  }
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const tampered: KeyUnderLmk = {
  ...issued.makUnderLmk,
  cryptogram: `${issued.makUnderLmk.cryptogram.slice(0, -2)}00`,
};
const data = Buffer.from('0200 message');

const failures: Array<[string, () => unknown]> = [
  ['LMK too long', () => createSecurityModule({ masterKeyHex: `${LMK_HEX}AB` })],
  ['LMK not hex', () => createSecurityModule({ masterKeyHex: `${LMK_HEX.slice(0, 62)}ZZ` })],
  ['tampered MAK', () => hsm.generateMac({ makUnderLmk: tampered, algorithm: 'cup-ecb', data })],
  [
    'PIK as MAK',
    () =>
      hsm.generateMac({
        makUnderLmk: issued.pikUnderLmk,
        algorithm: 'x919',
        data,
      }),
  ],
  [
    'key under another LMK',
    () =>
      createSecurityModule({ masterKeyHex: OTHER_LMK_HEX }).generateMac({
        makUnderLmk: issued.makUnderLmk,
        algorithm: 'cup-ecb',
        data,
      }),
  ],
  ['export a PIK', () => hsm.exportTmkForInjection(issued.pikUnderLmk)],
  [
    'swap PIK and ZPK',
    () =>
      hsm.translatePin({
        pikUnderLmk: zpkUnderLmk,
        zpkUnderLmk: issued.pikUnderLmk,
        pinBlock: Buffer.alloc(8),
        pan: '4111111111111111',
      }),
  ],
  [
    'data not bytes',
    () =>
      hsm.verifyMac({
        makUnderLmk: issued.makUnderLmk,
        algorithm: 'cup-ecb',
        data: tmkHex as unknown as Uint8Array,
        mac: Buffer.alloc(8),
      }),
  ],
  [
    'terminal TMK malformed',
    () =>
      readSignInKeys({
        tmk: { scheme: '3des', clearKeyHex: `${tmkHex}Z` },
        field62: issued.field62,
      }),
  ],
  [
    'terminal MAK wrong length',
    () =>
      generateTerminalMac({
        mak: { scheme: 'sm4', clearKeyHex: terminal.mak.clearKeyHex.slice(0, 16) },
        algorithm: 'cup-ecb',
        data,
      }),
  ],
  [
    'X9.19 with an SM4 MAK',
    () =>
      generateTerminalMac({
        mak: { scheme: 'sm4', clearKeyHex: terminal.pik.clearKeyHex },
        algorithm: 'x919',
        data,
      }),
  ],
  [
    'SM4 PIN block',
    () =>
      encryptPinBlock({
        pik: { scheme: 'sm4', clearKeyHex: terminal.pik.clearKeyHex },
        pin: '1234',
        pan: '4111111111111111',
      }),
  ],
];

describe('no key material in errors', () => {
  for (const [name, action] of failures) {
    it(`${name}: a generic HsmError`, () => {
      const error = thrown(action);
      expect(error).toBeInstanceOf(HsmError);
      expect(error instanceof Error && /[0-9A-F]{8}/i.test(error.message)).toBe(false);
      expectNoKeyMaterial(error);
    });
  }

  it('the search itself catches a leak, in either case', () => {
    expect(() => expectNoKeyMaterial(new Error(`bad key ${tmkHex.toLowerCase()}`))).toThrow();
    expect(() => expectNoKeyMaterial({ key: terminal.mak.clearKeyHex })).toThrow();
  });

  it('expected outcomes carry a code only', () => {
    const outcomes = [
      hsm.importTmk({ scheme: '3des', clearKeyHex: `${ZPK_HEX}00` }),
      hsm.importTmk({ scheme: '3des', clearKeyHex: ZPK_HEX, expectedKcv: '000000' }),
      hsm.translatePin({
        pikUnderLmk: issued.pikUnderLmk,
        zpkUnderLmk,
        pinBlock: Buffer.alloc(8),
        pan: '4111111111111111',
      }),
      readSignInKeys({ tmk: { scheme: '3des', clearKeyHex: ZPK_HEX }, field62: issued.field62 }),
    ];
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      expect(Object.keys(outcome).sort()).toEqual(['ok', 'outcome']);
      expectNoKeyMaterial(outcome);
    }
  });

  it('the module and the keys it hands out show no clear key when inspected or serialised', () => {
    expectNoKeyMaterial(hsm);
    expectNoKeyMaterial(issued.pikUnderLmk);
    expectNoKeyMaterial(issued.makUnderLmk);
    expectNoKeyMaterial(tmkUnderLmk);
    expectNoKeyMaterial(zpkUnderLmk);
    expectNoKeyMaterial({ ...issued, field62: Buffer.from(issued.field62).toString('hex') });
  });
});
