// One Idempotency-Key per action: the same body keeps its key across retries, another body (or
// none before) gets a fresh one.
import { describe, expect, it } from 'vitest';
import { keyFor } from './idempotency.ts';

describe('keyFor', () => {
  it('keeps the key while the body is the same and makes a new one when it changes', () => {
    let n = 0;
    const make = () => `k${++n}`;
    const first = keyFor(undefined, { reason: 'closing' }, make);
    expect(first.key).toBe('k1');
    expect(keyFor(first, { reason: 'closing' }, make)).toBe(first);
    expect(keyFor(first, { reason: 'moving' }, make).key).toBe('k2');
  });
});
