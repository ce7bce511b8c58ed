// Public API of @shoudan/hsm, the software security module: keys under a master key, sign-in
// working keys, POS MACs and PIN translation (host side), plus clear-key terminal helpers.
// Nothing else in src/ is meant to be imported from outside the package.

export { createSecurityModule } from './security-module.ts';
export type { SecurityModule, SecurityModuleOptions } from './security-module.ts';

export type { KeyScheme } from './block-cipher.ts';
export type { KeyUnderLmk, KeyUsage } from './master-key.ts';
export type { ImportKeyInput, KeySpec, TmkForInjection } from './manage-keys.ts';
export type {
  IssueWorkingKeysInput,
  IssuedWorkingKeys,
  KeyUnderTmk,
} from './issue-working-keys.ts';
export { SIGN_IN_CODES, isSignInCode } from './working-key-layout.ts';
export type { SignInCode } from './working-key-layout.ts';
export { MAC_ALGORITHMS, MAC_BYTES } from './mac.ts';
export type { MacAlgorithm } from './mac.ts';
export type { GenerateMacInput, VerifyMacInput } from './verify-mac.ts';
export { PIN_BLOCK_BYTES } from './pin-block.ts';
export type { TranslatePinInput } from './translate-pin.ts';
export type { RandomSource } from './random-source.ts';
export { HsmError } from './errors.ts';
export type { HsmErrorCode, HsmOutcome, HsmResult } from './errors.ts';

// Terminal side (POS simulator, tests): these take keys in clear, as a terminal holds them.
export {
  encryptPinBlock,
  generateTerminalMac,
  readSignInKeys,
  verifyTerminalMac,
} from './terminal.ts';
export type {
  ClearKey,
  EncryptPinBlockInput,
  ReadSignInKeysInput,
  TerminalMacInput,
  TerminalWorkingKeys,
  VerifyTerminalMacInput,
} from './terminal.ts';
