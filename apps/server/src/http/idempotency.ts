// Idempotency-Key (Stripe semantics) for POSTs that move money or create an application: the
// change and its answer are written in one transaction; the same key and body replay the first
// answer, the same key with another body is refused, and a refusal (an OutcomeError) rolls back
// with the change, so it is not kept and the key may be tried again.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Db, platform } from '@shoudan/db';
import { sha256 } from './auth/principal.ts';
import type { HttpDeps } from './context.ts';
import { OutcomeError } from './errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type Answer = { readonly status: number; readonly body: unknown };

export function ownerOf(request: FastifyRequest): string {
  const p = request.principal;
  if (!p) return 'public';
  return p.kind === 'staff' ? `staff:${p.id}` : `merchant:${p.merchantId}`;
}

/** What makes two requests the same: route, path parameters and body. */
export function requestHashOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  return sha256(
    `${route} ${JSON.stringify(request.params)} ${JSON.stringify(request.body ?? null)}`,
  );
}

/** The request's Idempotency-Key, checked; undefined when it has none. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header !== undefined && (typeof header !== 'string' || !KEY_PATTERN.test(header))) {
    throw new OutcomeError({
      code: 'validation_failed',
      param: 'Idempotency-Key',
      message: 'Idempotency-Key: 1 to 255 printable ASCII characters',
    });
  }
  return header;
}

/**
 * Claims (owner, key) for this request: undefined when it is the first, else what the first one
 * kept (its answer, or with status 0 what it kept while unfinished). Outcome:
 * `idempotency_key_reused` when the first one had another body.
 */
export async function claimKey(
  tx: Db,
  input: { owner: string; key: string; requestHash: string; at: Date },
): Promise<platform.idempotency.StoredAnswer | undefined> {
  const stored = await platform.idempotency.claimIdempotencyKey(tx, input);
  if (stored && stored.requestHash !== input.requestHash) {
    throw new OutcomeError({ code: 'idempotency_key_reused', param: 'Idempotency-Key' });
  }
  return stored;
}

/** Runs `change` in a transaction, under the request's Idempotency-Key when it has one. */
export async function inTransaction(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (tx: Db) => Promise<Answer>,
): Promise<FastifyReply> {
  const key = idempotencyKeyOf(request);
  const owner = ownerOf(request);
  const requestHash = requestHashOf(request);
  const outcome = await deps.services.db.transaction(async (tx) => {
    if (key !== undefined) {
      const at = deps.services.clock.now();
      const stored = await claimKey(tx, { owner, key, requestHash, at });
      if (stored) {
        // The claim and the answer commit together: a claim without its answer is never seen.
        if (stored.statusCode === 0) throw new Error('idempotency key claimed without an answer');
        return { replayed: true, answer: { status: stored.statusCode, body: stored.responseBody } };
      }
    }
    const answer = await change(tx);
    if (key !== undefined) {
      await platform.idempotency.storeIdempotentAnswer(tx, {
        owner,
        key,
        statusCode: answer.status,
        responseBody: answer.body,
      });
    }
    return { replayed: false, answer };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.answer.status).send(outcome.answer.body);
}
