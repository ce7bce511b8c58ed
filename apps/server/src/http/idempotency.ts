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

/**
 * What makes two requests the same: route, path parameters, query and body. The query counts
 * because it may carry what authorises the request (an applicant's access token): a replay
 * answers only the request that was first answered, never one that would have been refused.
 */
export function requestHashOf(request: FastifyRequest): string {
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const { params, query, body } = request;
  return sha256(
    `${route} ${JSON.stringify(params)} ${JSON.stringify(query ?? null)} ` +
      JSON.stringify(body ?? null),
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

/**
 * For an answer that shows a secret once (an access token): what is kept of it, without the
 * secret, and how a replay answers from what was kept (with a new secret, in the replay's
 * transaction). Nothing secret is kept at rest beside the change.
 */
export type OnceShown = {
  readonly kept: (answer: Answer) => Answer;
  readonly replayed: (tx: Db, kept: Answer) => Promise<Answer>;
};

/** Runs `change` in a transaction, under the request's Idempotency-Key when it has one. */
export async function inTransaction(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (tx: Db) => Promise<Answer>,
  onceShown?: OnceShown,
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
        const kept = { status: stored.statusCode, body: stored.responseBody };
        return { replayed: true, answer: onceShown ? await onceShown.replayed(tx, kept) : kept };
      }
    }
    const answer = await change(tx);
    if (key !== undefined) {
      const kept = onceShown ? onceShown.kept(answer) : answer;
      await platform.idempotency.storeIdempotentAnswer(tx, {
        owner,
        key,
        statusCode: kept.status,
        responseBody: kept.body,
      });
    }
    return { replayed: false, answer };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.answer.status).send(outcome.answer.body);
}
