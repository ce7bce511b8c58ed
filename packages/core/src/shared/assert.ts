// Invariant guards: a broken invariant is a defect, thrown and never retried.

/** Thrown when an invariant does not hold. Carries no user data beyond the reason. */
export class DefectError extends Error {
  override readonly name = 'DefectError';
}

export function assert(condition: unknown, why: string): asserts condition {
  if (!condition) throw new DefectError(why);
}

/** Exhaustiveness check for switches on unions. */
export function unreachable(value: never, what = 'value'): never {
  throw new DefectError(`unexpected ${what}: ${String(value)}`);
}
