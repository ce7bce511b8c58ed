// Checks that a retry of the same body keeps its Idempotency-Key and a changed body gets a new one.
import { describe, expect, it } from 'vitest';
import { keyFor } from './idempotency.ts';

describe('keyFor', () => {
  it('keeps the key for the same body only', () => {
    let n = 0;
    const fresh = () => `k${++n}`;
    const first = keyFor(undefined, { a: 1 }, fresh);
    expect(first.key).toBe('k1');
    expect(keyFor(first, { a: 1 }, fresh)).toBe(first);
    expect(keyFor(first, { a: 2 }, fresh).key).toBe('k2');
  });
});
