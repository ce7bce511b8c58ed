// Idempotency keys (Stripe semantics): the first answer to (owner, key) is kept with the hash of
// its request, in the transaction that made the change.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { idempotencyKeys } from '../../schema/index.ts';

export type StoredAnswer = {
  readonly requestHash: string;
  /** 0 while the first request is still being answered. */
  readonly statusCode: number;
  readonly responseBody: unknown;
};

/**
 * Claims (owner, key) for a request with `requestHash`: undefined when it is this request's now,
 * else what is stored. On PostgreSQL a concurrent claim of the same key waits for the first
 * transaction, then sees its answer.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { owner: string; key: string; requestHash: string; at: Date },
): Promise<StoredAnswer | undefined> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({
      owner: input.owner,
      key: input.key,
      requestHash: input.requestHash,
      statusCode: 0,
      responseBody: {},
      createdAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 1) return undefined;
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.owner, input.owner), eq(idempotencyKeys.key, input.key)));
  if (!row) throw new Error('idempotency key vanished between insert and select');
  return row;
}

export async function storeIdempotentAnswer(
  db: Db,
  input: { owner: string; key: string; statusCode: number; responseBody: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: input.statusCode, responseBody: input.responseBody })
    .where(and(eq(idempotencyKeys.owner, input.owner), eq(idempotencyKeys.key, input.key)));
}
