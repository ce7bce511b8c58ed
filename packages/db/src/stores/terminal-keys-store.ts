// Terminal keys and the host's own keys, stored only as the security module's cryptograms under
// the LMK (KeyUnderLmk): a TMK per terminal from key loading, the working keys of its last
// sign-in, and named host keys such as the card network's zone PIN key.
import { eq } from 'drizzle-orm';
import type { Db } from '../drivers/open.ts';
import { hsmKeys, merchants, terminalKeys, terminals } from '../schema/index.ts';

/** The shape of `@shoudan/hsm`'s KeyUnderLmk: a key encrypted under the LMK, never clear. */
export type WrappedKey = {
  readonly scheme: '3des' | 'sm4';
  readonly usage: 'tmk' | 'pik' | 'mak' | 'tdk' | 'zpk';
  readonly cryptogram: string;
  readonly kcv: string;
};

export type MacAlgorithmName = 'cup-ecb' | 'x919';

/** Working keys issued at a sign-in (each under the LMK). */
export type WorkingKeySet = {
  readonly pik: WrappedKey;
  readonly mak: WrappedKey;
  readonly tdk: WrappedKey | null;
  /** 60.3 of the sign-in that issued them: `001`, `003`, `004`, `006`. */
  readonly signInCode: string;
  readonly issuedAt: Date;
};

export type TerminalKeys = {
  readonly tmk: WrappedKey;
  readonly macAlgorithm: MacAlgorithmName;
  /** Null until the terminal signs in, and again after sign-off or a new TMK. */
  readonly working: WorkingKeySet | null;
  readonly tmkLoadedAt: Date;
};

/** A terminal as the gateway sees it before any use case runs. */
export type GatewayTerminal = {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly merchantNo: string;
  readonly merchantName: string;
  /** Null when no TMK was ever loaded for the terminal. */
  readonly keys: TerminalKeys | null;
};

export type HsmKeyRow = {
  readonly name: string;
  readonly key: WrappedKey;
  readonly masterKeyCheckValue: string;
  readonly createdAt: Date;
};

export interface TerminalKeysStore {
  /** The terminal with its merchant number and keys; undefined for an unknown terminal. */
  gatewayTerminal(terminalId: string): Promise<GatewayTerminal | undefined>;
  /**
   * Key loading: stores a new TMK for the terminal and drops its working keys (they were sent
   * under the old TMK, so it must sign in again). The MAC algorithm is kept unless given.
   */
  loadTmk(input: {
    terminalId: string;
    tmk: WrappedKey;
    macAlgorithm?: MacAlgorithmName;
    at: Date;
  }): Promise<void>;
  /** Sign-in: replaces the working keys. False when the terminal has no TMK row. */
  saveWorkingKeys(terminalId: string, keys: WorkingKeySet): Promise<boolean>;
  /** Sign-off (or a key rotation): the terminal has no working keys until it signs in. */
  clearWorkingKeys(terminalId: string): Promise<void>;
  findHsmKey(name: string): Promise<HsmKeyRow | undefined>;
  /** Stores the key unless one of that name exists; returns the stored row either way. */
  addHsmKey(row: HsmKeyRow): Promise<HsmKeyRow>;
}

const SCHEMES: readonly string[] = ['3des', 'sm4'];
const MAC_ALGORITHMS: readonly string[] = ['cup-ecb', 'x919'];

/** Reads a key column back, refusing anything that is not a cryptogram of `usage` (a defect). */
function wrapped(value: unknown, usage: WrappedKey['usage']): WrappedKey {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const key = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const { scheme, cryptogram, kcv } = key;
  const valid =
    key['usage'] === usage &&
    typeof scheme === 'string' &&
    SCHEMES.includes(scheme) &&
    typeof cryptogram === 'string' &&
    /^[0-9A-F]+$/.test(cryptogram) &&
    typeof kcv === 'string' &&
    /^[0-9A-F]{8}$/.test(kcv);
  if (!valid) throw new Error(`a stored ${usage} is not a key cryptogram`);
  return { scheme: scheme as WrappedKey['scheme'], usage, cryptogram, kcv };
}

/** Only the four properties of a cryptogram go to the database, whatever else the object has. */
function column(key: WrappedKey): WrappedKey {
  return { scheme: key.scheme, usage: key.usage, cryptogram: key.cryptogram, kcv: key.kcv };
}

type KeyRow = typeof terminalKeys.$inferSelect;

function keysOf(row: KeyRow): TerminalKeys {
  const macAlgorithm = MAC_ALGORITHMS.includes(row.macAlgorithm) ? row.macAlgorithm : 'cup-ecb';
  const working =
    row.pik !== null && row.mak !== null && row.keysIssuedAt !== null
      ? {
          pik: wrapped(row.pik, 'pik'),
          mak: wrapped(row.mak, 'mak'),
          tdk: row.tdk === null ? null : wrapped(row.tdk, 'tdk'),
          signInCode: row.signInCode ?? '',
          issuedAt: row.keysIssuedAt,
        }
      : null;
  return {
    tmk: wrapped(row.tmk, 'tmk'),
    macAlgorithm: macAlgorithm as MacAlgorithmName,
    working,
    tmkLoadedAt: row.tmkLoadedAt,
  };
}

async function gatewayTerminal(db: Db, terminalId: string): Promise<GatewayTerminal | undefined> {
  const [row] = await db
    .select({
      terminalId: terminals.terminalId,
      merchantId: terminals.merchantId,
      merchantNo: merchants.merchantNo,
      merchantName: merchants.name,
      keys: terminalKeys,
    })
    .from(terminals)
    .innerJoin(merchants, eq(merchants.id, terminals.merchantId))
    .leftJoin(terminalKeys, eq(terminalKeys.terminalId, terminals.terminalId))
    .where(eq(terminals.terminalId, terminalId));
  if (!row) return undefined;
  const { keys, ...terminal } = row;
  return { ...terminal, keys: keys === null ? null : keysOf(keys) };
}

async function loadTmk(db: Db, input: Parameters<TerminalKeysStore['loadTmk']>[0]) {
  const fresh = {
    tmk: column(input.tmk),
    pik: null,
    mak: null,
    tdk: null,
    signInCode: null,
    keysIssuedAt: null,
    tmkLoadedAt: input.at,
    ...(input.macAlgorithm === undefined ? {} : { macAlgorithm: input.macAlgorithm }),
  };
  await db
    .insert(terminalKeys)
    .values({ terminalId: input.terminalId, ...fresh })
    .onConflictDoUpdate({ target: terminalKeys.terminalId, set: fresh });
}

async function saveWorkingKeys(db: Db, terminalId: string, keys: WorkingKeySet) {
  const updated = await db
    .update(terminalKeys)
    .set({
      pik: column(keys.pik),
      mak: column(keys.mak),
      tdk: keys.tdk === null ? null : column(keys.tdk),
      signInCode: keys.signInCode,
      keysIssuedAt: keys.issuedAt,
    })
    .where(eq(terminalKeys.terminalId, terminalId))
    .returning({ terminalId: terminalKeys.terminalId });
  return updated.length > 0;
}

async function findHsmKey(db: Db, name: string): Promise<HsmKeyRow | undefined> {
  const [row] = await db.select().from(hsmKeys).where(eq(hsmKeys.name, name));
  if (!row) return undefined;
  return { ...row, key: wrapped(row.key, usageOf(row.key)) };
}

export function createTerminalKeysStore(db: Db): TerminalKeysStore {
  return {
    gatewayTerminal: (terminalId) => gatewayTerminal(db, terminalId),
    loadTmk: (input) => loadTmk(db, input),
    saveWorkingKeys: (terminalId, keys) => saveWorkingKeys(db, terminalId, keys),
    async clearWorkingKeys(terminalId) {
      await db
        .update(terminalKeys)
        .set({ pik: null, mak: null, tdk: null, signInCode: null, keysIssuedAt: null })
        .where(eq(terminalKeys.terminalId, terminalId));
    },
    findHsmKey: (name) => findHsmKey(db, name),
    async addHsmKey(row) {
      await db
        .insert(hsmKeys)
        .values({ ...row, key: column(row.key) })
        .onConflictDoNothing({ target: hsmKeys.name });
      const stored = await findHsmKey(db, row.name);
      if (!stored) throw new Error(`hsm key ${row.name} vanished after insert`);
      return stored;
    },
  };
}

/** The usage a stored host key claims; `wrapped` then checks the rest of it. */
function usageOf(value: unknown): WrappedKey['usage'] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const usage: unknown =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'usage') : undefined;
  const usages: readonly WrappedKey['usage'][] = ['tmk', 'pik', 'mak', 'tdk', 'zpk'];
  return usages.find((known) => known === usage) ?? 'zpk';
}
