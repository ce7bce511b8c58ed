// Password hashes: scrypt (node:crypto, r = 8, p = 1) in a PHC-style string that carries its own
// cost, so a stored hash verifies whatever the cost of new ones is today, and an older, cheaper
// one is rehashed at the next sign-in.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

type Cost = { readonly log2N: number; readonly r: number; readonly p: number };

function derive(password: string, salt: Buffer, cost: Cost, length: number): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  // scrypt needs 128 · N · r bytes; leave room above it.
  const maxmem = 256 * N * cost.r;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      length,
      { N, r: cost.r, p: cost.p, maxmem },
      (e, key) => (e ? reject(e) : resolve(key)),
    );
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, log2N: number): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const cost = { log2N, r: BLOCK_SIZE, p: PARALLELISM };
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `$scrypt$ln=${log2N},r=${BLOCK_SIZE},p=${PARALLELISM}$${b64(salt)}$${b64(key)}`;
}

/** True when `password` is the one `stored` was made from; false for a malformed `stored`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with a cost other than today's. */
export function needsRehash(stored: string, log2N: number): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.cost.log2N !== log2N;
}

function parse(stored: string): { cost: Cost; salt: Buffer; key: Buffer } | undefined {
  const match = PATTERN.exec(stored);
  if (!match) return undefined;
  const [, ln, r, p, salt, key] = match;
  return {
    cost: { log2N: Number(ln), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt ?? '', 'base64'),
    key: Buffer.from(key ?? '', 'base64'),
  };
}
