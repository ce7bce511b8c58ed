// How expected outcomes and bad requests are answered over HTTP: one status per code (a new code
// does not compile until it is mapped here), and one body shape, after Stripe's:
// `{ code, message, param?, detail?, requestId }`, the message in the caller's language.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AnyOutcomeCode, type Outcome, outcomeEntry } from '@shoudan/core';

export const HTTP_STATUS = {
  terminal_not_found: 404,
  terminal_not_active: 409,
  terminal_frozen: 409,
  terminal_not_signed_in: 409,
  merchant_not_active: 409,
  service_not_active: 402,
  batch_not_open: 409,
  fee_rate_missing: 503,
  card_declined: 402,
  insufficient_funds: 402,
  wrong_pin: 402,
  card_expired: 402,
  network_timeout: 503,
  invalid_amount: 400,
  invalid_card_number: 400,
  duplicate_with_different_content: 409,
  original_not_found: 404,
  original_not_approved: 409,
  amount_mismatch: 400,
  already_voided: 409,
  already_refunded: 409,
  already_reversed: 409,
  void_window_closed: 409,
  refund_not_yet_allowed: 409,
  refund_window_expired: 409,
  refund_exceeds_original: 400,
  reversal_window_closed: 409,
  reversal_not_allowed: 409,
  cutoff_too_early: 409,
  business_date_not_cut_off: 409,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 429,
  csrf_token_invalid: 403,
  forbidden: 403,
  validation_failed: 400,
  idempotency_key_reused: 422,
  not_found: 404,
  application_not_pending: 409,
  own_application: 403,
  application_already_open: 409,
  deregistration_blocked: 409,
  merchant_closed: 409,
  service_not_revocable: 409,
  service_already_active: 409,
  rate_change_notice_too_short: 400,
  rate_already_scheduled: 409,
  terminal_deactivated: 409,
  ticket_closed: 409,
  inventory_empty: 409,
  phone_already_registered: 409,
  document_too_large: 413,
  document_type_not_allowed: 400,
  serial_no_taken: 409,
  device_not_allocated: 409,
  owner_password_already_set: 409,
  statement_pdf_unavailable: 503,
} as const satisfies Record<AnyOutcomeCode, number>;

/** An outcome with the request field it concerns and, optionally, a message of its own. */
export type Failure = Outcome<AnyOutcomeCode> & {
  readonly param?: string;
  readonly message?: string;
};

export type ApiError = {
  readonly code: AnyOutcomeCode | 'internal_error' | 'route_not_found';
  readonly message: string;
  readonly param?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly requestId: string;
};

/** zh when the caller prefers Chinese (Accept-Language), else en. */
export function languageOf(request: FastifyRequest): 'zh' | 'en' {
  const accepted = request.headers['accept-language'] ?? '';
  return /^\s*zh/i.test(accepted) ? 'zh' : 'en';
}

/** The body of an outcome's answer. */
export function errorBody(request: FastifyRequest, failure: Failure): ApiError {
  const entry = outcomeEntry(failure.code);
  const base = failure.message ?? entry[languageOf(request)];
  return {
    code: failure.code,
    message: failure.param && !failure.message ? `${failure.param}: ${base}` : base,
    ...(failure.param ? { param: failure.param } : {}),
    ...(failure.detail ? { detail: failure.detail } : {}),
    requestId: request.id,
  };
}

/** Answers an expected outcome with its status and body. */
export function sendOutcome(
  request: FastifyRequest,
  reply: FastifyReply,
  failure: Failure,
): FastifyReply {
  return reply.code(HTTP_STATUS[failure.code]).send(errorBody(request, failure));
}

/**
 * An outcome thrown from inside a handler or a transaction (to roll it back); the error handler
 * answers it as `sendOutcome` would.
 */
export class OutcomeError extends Error {
  override readonly name = 'OutcomeError';
  readonly outcome: Failure;

  constructor(failure: Failure) {
    super(failure.code);
    this.outcome = failure;
  }
}
