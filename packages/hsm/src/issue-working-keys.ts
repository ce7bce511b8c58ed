// Sign-in on the host: new working keys (PIK, MAK and, for `004`/`006`, TDK) returned under the
// LMK for the host to store, under the TMK with check values, and as the bytes of field 62.
import { encryptEcb, type KeyScheme } from './block-cipher.ts';
import { bytesToHex, wipe } from './bytes.ts';
import { checkValueOf } from './check-value.ts';
import { fail, ok, type HsmResult } from './errors.ts';
import { generateClearKey } from './manage-keys.ts';
import type { KeyUnderLmk, KeyUsage } from './master-key.ts';
import { withClearKey, type ModuleContext } from './module-context.ts';
import {
  SIGN_IN_LAYOUTS,
  isSignInCode,
  writeField62,
  type KeyUnderTmkBytes,
  type SignInCode,
  type SignInLayout,
} from './working-key-layout.ts';

export interface IssueWorkingKeysInput {
  readonly tmkUnderLmk: KeyUnderLmk;
  /** 60.3 of the 0800 request as received: `001`, `003`, `004` or `006`. */
  readonly networkManagementCode: string;
  /**
   * `003`/`004` only: put a real double-length MAK in its 16-byte slot. Default false: a
   * single-length MAK followed by 8 zero bytes, which every terminal takes (cup-8583.md §8).
   */
  readonly doubleLengthMak?: boolean;
}

/** A working key as sent to the terminal: encrypted (ECB) under its TMK, with its check value. */
export interface KeyUnderTmk {
  readonly cryptogram: string;
  readonly kcv: string;
}

export interface IssuedWorkingKeys {
  readonly networkManagementCode: SignInCode;
  readonly pikUnderLmk: KeyUnderLmk;
  readonly makUnderLmk: KeyUnderLmk;
  readonly tdkUnderLmk?: KeyUnderLmk | undefined;
  readonly pikUnderTmk: KeyUnderTmk;
  readonly makUnderTmk: KeyUnderTmk;
  readonly tdkUnderTmk?: KeyUnderTmk | undefined;
  /** Field 62 of the 0810: 24 (`001`), 40 (`003`) or 60 (`004`, `006`) bytes. */
  readonly field62: Uint8Array;
}

interface IssuedKey {
  readonly underLmk: KeyUnderLmk;
  readonly underTmk: KeyUnderTmkBytes;
}

interface IssueKeyInput {
  readonly tmk: Buffer;
  readonly scheme: KeyScheme;
  readonly usage: KeyUsage;
  readonly lengthBytes: 8 | 16;
}

function issueKey(context: ModuleContext, input: IssueKeyInput): IssuedKey {
  const clearKey = generateClearKey(context.random, input.scheme, input.lengthBytes);
  try {
    return {
      underLmk: context.masterKey.wrap(input.usage, input.scheme, clearKey),
      underTmk: {
        cryptogram: encryptEcb(input.scheme, input.tmk, clearKey),
        checkValue: checkValueOf(input.scheme, clearKey),
      },
    };
  } finally {
    wipe(clearKey);
  }
}

function hexOf(key: KeyUnderTmkBytes): KeyUnderTmk {
  return { cryptogram: bytesToHex(key.cryptogram), kcv: bytesToHex(key.checkValue) };
}

/**
 * Outcomes: `network_management_code_unsupported` when 60.3 is not a sign-in code or does not
 * fit the TMK's scheme (`006` needs an SM4 TMK, the others a 3DES one).
 * Throws HsmError when the TMK cryptogram is not a valid TMK under this LMK.
 */
export function issueWorkingKeys(
  context: ModuleContext,
  input: IssueWorkingKeysInput,
): HsmResult<IssuedWorkingKeys> {
  return withClearKey(context, input.tmkUnderLmk, 'tmk', (tmk) => {
    const code = input.networkManagementCode;
    if (!isSignInCode(code)) return fail('network_management_code_unsupported');
    const layout = SIGN_IN_LAYOUTS[code];
    if (layout.scheme !== input.tmkUnderLmk.scheme) {
      return fail('network_management_code_unsupported');
    }
    return ok(issueForLayout(context, { tmk, code, layout, input }));
  });
}

interface LayoutInput {
  readonly tmk: Buffer;
  readonly code: SignInCode;
  readonly layout: SignInLayout;
  readonly input: IssueWorkingKeysInput;
}

function issueForLayout(
  context: ModuleContext,
  { tmk, code, layout, input }: LayoutInput,
): IssuedWorkingKeys {
  const { scheme } = layout;
  const doubleMak = layout.makSlotBytes === 16 && (scheme === 'sm4' || input.doubleLengthMak);
  const pik = issueKey(context, { tmk, scheme, usage: 'pik', lengthBytes: layout.pikBytes });
  const mak = issueKey(context, { tmk, scheme, usage: 'mak', lengthBytes: doubleMak ? 16 : 8 });
  const tdk =
    layout.tdkBytes === 16
      ? issueKey(context, { tmk, scheme, usage: 'tdk', lengthBytes: 16 })
      : undefined;
  const field62 = writeField62(
    { pik: pik.underTmk, mak: mak.underTmk, tdk: tdk?.underTmk },
    layout.makSlotBytes,
  );
  return {
    networkManagementCode: code,
    pikUnderLmk: pik.underLmk,
    makUnderLmk: mak.underLmk,
    pikUnderTmk: hexOf(pik.underTmk),
    makUnderTmk: hexOf(mak.underTmk),
    field62: new Uint8Array(field62),
    ...(tdk === undefined ? {} : { tdkUnderLmk: tdk.underLmk, tdkUnderTmk: hexOf(tdk.underTmk) }),
  };
}
