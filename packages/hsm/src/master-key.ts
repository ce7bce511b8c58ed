// The local master key (LMK) and the cryptograms of keys held under it. Outside this module a key
// exists only as a `KeyUnderLmk`: AES-256-GCM of the clear key under a key derived from the LMK,
// authenticated together with its usage, scheme and check value so none can be swapped.
import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { createSecretKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isKeyScheme, isLegalKeyLength, type KeyScheme } from './block-cipher.ts';
import { bytesToHex, hexToBytes, wipe } from './bytes.ts';
import { CHECK_VALUE_BYTES, checkValueOf } from './check-value.ts';
import { HsmError } from './errors.ts';
import type { RandomSource } from './random-source.ts';

/** What a key may be used for; a key is refused by every function meant for another usage. */
export type KeyUsage = 'tmk' | 'pik' | 'mak' | 'tdk' | 'zpk';

/** A key encrypted under the LMK: safe to store (database, config) and to log. Never clear. */
export interface KeyUnderLmk {
  readonly scheme: KeyScheme;
  readonly usage: KeyUsage;
  /** Uppercase hex: version (1) ‖ IV (12) ‖ encrypted key ‖ GCM tag (16). */
  readonly cryptogram: string;
  /** Uppercase hex, 4 bytes: the key's check value (cup-8583.md §8). */
  readonly kcv: string;
}

export interface MasterKey {
  /** First 4 bytes (hex) of an HMAC under the wrapping key: tells which LMK is loaded. */
  readonly checkValue: string;
  wrap(usage: KeyUsage, scheme: KeyScheme, clearKey: Uint8Array): KeyUnderLmk;
  /** Returns the clear key; the caller wipes it. Throws on any mismatch or tampering. */
  unwrap(key: KeyUnderLmk, usage: KeyUsage): Buffer;
}

const USAGES: readonly KeyUsage[] = ['tmk', 'pik', 'mak', 'tdk', 'zpk'];
const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASTER_KEY_PATTERN = /^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$/;
const KCV_PATTERN = /^[0-9A-F]{8}$/;

export function isKeyUsage(value: unknown): value is KeyUsage {
  return USAGES.some((known) => known === value);
}

/** Throws `master_key_invalid` unless the LMK is 16, 24 or 32 bytes of hex. */
export function createMasterKey(masterKeyHex: string, random: RandomSource): MasterKey {
  if (typeof masterKeyHex !== 'string' || !MASTER_KEY_PATTERN.test(masterKeyHex)) {
    throw new HsmError('master_key_invalid');
  }
  const lmk = Buffer.from(masterKeyHex, 'hex');
  const derived = Buffer.from(
    hkdfSync('sha256', lmk, 'shoudan-hsm', 'key wrapping under the LMK, v1', 32),
  );
  // A KeyObject keeps the wrapping key out of util.inspect and JSON.
  const wrappingKey = createSecretKey(derived);
  wipe(lmk, derived);
  const checkValue = createHmac('sha256', wrappingKey)
    .update('shoudan-hsm lmk check value')
    .digest()
    .subarray(0, CHECK_VALUE_BYTES);
  return {
    checkValue: bytesToHex(checkValue),
    wrap: (usage, scheme, clearKey) => wrapKey(wrappingKey, random, { usage, scheme, clearKey }),
    unwrap: (key, usage) => unwrapKey(wrappingKey, key, usage),
  };
}

function associatedDataOf(usage: KeyUsage, scheme: KeyScheme, kcv: string): Buffer {
  return Buffer.from(`shoudan-hsm:v1:${usage}:${scheme}:${kcv}`, 'ascii');
}

interface WrapInput {
  readonly usage: KeyUsage;
  readonly scheme: KeyScheme;
  readonly clearKey: Uint8Array;
}

function wrapKey(wrappingKey: KeyObject, random: RandomSource, input: WrapInput): KeyUnderLmk {
  if (!isLegalKeyLength(input.scheme, input.clearKey.length)) throw new HsmError('input_invalid');
  const kcv = bytesToHex(checkValueOf(input.scheme, input.clearKey));
  const iv = Buffer.from(random.bytes(IV_BYTES));
  if (iv.length !== IV_BYTES) throw new HsmError('random_source_invalid');
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(associatedDataOf(input.usage, input.scheme, kcv));
  const encrypted = Buffer.concat([cipher.update(input.clearKey), cipher.final()]);
  const cryptogram = Buffer.concat([Buffer.of(VERSION), iv, encrypted, cipher.getAuthTag()]);
  return Object.freeze({
    scheme: input.scheme,
    usage: input.usage,
    cryptogram: bytesToHex(cryptogram),
    kcv,
  });
}

function unwrapKey(wrappingKey: KeyObject, key: KeyUnderLmk, usage: KeyUsage): Buffer {
  const parts = partsOf(key);
  if (parts.usage !== usage) throw new HsmError('key_usage_mismatch');
  let clearKey: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, parts.iv);
    decipher.setAAD(associatedDataOf(parts.usage, parts.scheme, parts.kcv));
    decipher.setAuthTag(parts.tag);
    clearKey = Buffer.concat([decipher.update(parts.encrypted), decipher.final()]);
  } catch {
    throw new HsmError('key_cryptogram_invalid');
  }
  // The check value is authenticated already; comparing it again costs one block encryption.
  if (bytesToHex(checkValueOf(parts.scheme, clearKey)) !== parts.kcv) {
    wipe(clearKey);
    throw new HsmError('key_cryptogram_invalid');
  }
  return clearKey;
}

interface CryptogramParts {
  readonly usage: KeyUsage;
  readonly scheme: KeyScheme;
  readonly kcv: string;
  readonly iv: Buffer;
  readonly encrypted: Buffer;
  readonly tag: Buffer;
}

/** Checks the shape of a stored key (it may come from a database row) before any decryption. */
function partsOf(key: KeyUnderLmk): CryptogramParts {
  const candidate: Partial<Record<keyof KeyUnderLmk, unknown>> =
    typeof key === 'object' && key !== null ? key : {};
  const { usage, scheme, kcv, cryptogram } = candidate;
  const kcvOk = typeof kcv === 'string' && KCV_PATTERN.test(kcv);
  if (!isKeyUsage(usage) || !isKeyScheme(scheme) || !kcvOk) {
    throw new HsmError('key_cryptogram_invalid');
  }
  const bytes = typeof cryptogram === 'string' ? hexToBytes(cryptogram) : undefined;
  const encryptedBytes = bytes === undefined ? 0 : bytes.length - 1 - IV_BYTES - TAG_BYTES;
  if (bytes === undefined || bytes[0] !== VERSION || !isLegalKeyLength(scheme, encryptedBytes)) {
    throw new HsmError('key_cryptogram_invalid');
  }
  return {
    usage,
    scheme,
    kcv,
    iv: bytes.subarray(1, 1 + IV_BYTES),
    encrypted: bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}
