// One Idempotency-Key per user action: kept while the same body is retried (a network error, a
// refusal that rolled back), a new one once the body changes or the action succeeded.
import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';

export type KeyMemo = { readonly key: string; readonly body: string };

/** The memo to send `body` with: the last one when the body is the same, else a fresh key. */
export function keyFor(memo: KeyMemo | undefined, body: unknown, make: () => string): KeyMemo {
  const text = JSON.stringify(body);
  return memo !== undefined && memo.body === text ? memo : { key: make(), body: text };
}

export function useIdempotencyKey() {
  const memo = useRef<KeyMemo | undefined>(undefined);
  return {
    /** The key for sending `body` now. */
    keyFor(body: unknown): string {
      memo.current = keyFor(memo.current, body, newIdempotencyKey);
      return memo.current.key;
    },
    /** After success: the next action gets a new key even with the same body. */
    reset(): void {
      memo.current = undefined;
    },
  };
}
