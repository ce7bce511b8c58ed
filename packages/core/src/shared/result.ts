// Result values: expected outcomes are returned, never thrown.
import type { AnyOutcomeCode, Outcome } from './outcome.ts';

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<O = Outcome> = { readonly ok: false; readonly outcome: O };
export type Result<T, O = Outcome> = Ok<T> | Err<O>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<O extends Outcome<AnyOutcomeCode>>(outcome: O): Err<O> {
  return { ok: false, outcome };
}
