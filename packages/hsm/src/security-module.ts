// The software security module: a factory binding the LMK and the randomness port to every
// host-side operation. Keys go in and out only as cryptograms under the LMK; the one exception
// is `exportTmkForInjection`, the key-loading ceremony. No operation returns a clear PIN.
import { HsmError, type HsmResult } from './errors.ts';
import {
  issueWorkingKeys,
  type IssueWorkingKeysInput,
  type IssuedWorkingKeys,
} from './issue-working-keys.ts';
import {
  exportTmkForInjection,
  generateTmk,
  importClearKey,
  type ImportKeyInput,
  type KeySpec,
  type TmkForInjection,
} from './manage-keys.ts';
import { createMasterKey, type KeyUnderLmk } from './master-key.ts';
import type { ModuleContext } from './module-context.ts';
import { systemRandom, type RandomSource } from './random-source.ts';
import { translatePin, type TranslatePinInput } from './translate-pin.ts';
import { generateMac, verifyMac } from './verify-mac.ts';
import type { GenerateMacInput, VerifyMacInput } from './verify-mac.ts';

export interface SecurityModuleOptions {
  /** The LMK from configuration: 32, 48 or 64 hex characters (16, 24 or 32 bytes). */
  readonly masterKeyHex: string;
  /** Defaults to node:crypto `randomBytes`; inject a seeded source in tests. */
  readonly random?: RandomSource;
}

export interface SecurityModule {
  /** Identifies the loaded LMK (4 bytes, hex) without revealing it: compare across hosts. */
  readonly masterKeyCheckValue: string;
  /** A new TMK under the LMK; default 3DES double length. */
  generateTmk(spec?: KeySpec): KeyUnderLmk;
  /** Outcomes: `key_invalid`, `check_value_mismatch`. */
  importTmk(input: ImportKeyInput): HsmResult<KeyUnderLmk>;
  /** The network's zone PIN key, e.g. from its key sheet. Outcomes as `importTmk`. */
  importZpk(input: ImportKeyInput): HsmResult<KeyUnderLmk>;
  /** Key-loading ceremony only: the TMK in clear, to inject into a terminal or simulator. */
  exportTmkForInjection(tmkUnderLmk: KeyUnderLmk): TmkForInjection;
  /** Sign-in. Outcome: `network_management_code_unsupported`. */
  issueWorkingKeys(input: IssueWorkingKeysInput): HsmResult<IssuedWorkingKeys>;
  /** Field 64 (8 bytes) of `data` under the MAK. */
  generateMac(input: GenerateMacInput): Uint8Array;
  /** Constant-time; false for any wrong or wrongly sized MAC. */
  verifyMac(input: VerifyMacInput): boolean;
  /** PIK → ZPK. Outcomes: `pan_invalid`, `pin_block_invalid`. */
  translatePin(input: TranslatePinInput): HsmResult<Uint8Array>;
}

/**
 * Throws HsmError `master_key_invalid` for a malformed LMK. Every method throws HsmError (a
 * defect, fixed generic message) for a key cryptogram that is malformed, tampered with, under
 * another LMK or of the wrong usage, and returns expected outcomes as values.
 */
export function createSecurityModule(options: SecurityModuleOptions): SecurityModule {
  if (typeof options !== 'object' || options === null) throw new HsmError('master_key_invalid');
  const random = options.random ?? systemRandom;
  const masterKey = createMasterKey(options.masterKeyHex, random);
  const context: ModuleContext = { masterKey, random, loadedMaks: new Map() };
  return Object.freeze({
    masterKeyCheckValue: context.masterKey.checkValue,
    generateTmk: (spec: KeySpec = { scheme: '3des' }) => generateTmk(context, spec),
    importTmk: (input: ImportKeyInput) => importClearKey(context, 'tmk', input),
    importZpk: (input: ImportKeyInput) => importClearKey(context, 'zpk', input),
    exportTmkForInjection: (tmk: KeyUnderLmk) => exportTmkForInjection(context, tmk),
    issueWorkingKeys: (input: IssueWorkingKeysInput) => issueWorkingKeys(context, input),
    generateMac: (input: GenerateMacInput) => generateMac(context, input),
    verifyMac: (input: VerifyMacInput) => verifyMac(context, input),
    translatePin: (input: TranslatePinInput) => translatePin(context, input),
  });
}
