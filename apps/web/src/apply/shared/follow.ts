// How an application is reached without an account: its id and access token, carried in the URL
// fragment (`#id=…&token=…`) so that the token is never sent to the server when a page loads (no
// Referer, no access log); the API call itself takes it in the query, as the API defines.
import { AccessTokenQuery, Id } from '@shoudan/contracts';

export type FollowKey = { readonly id: string; readonly token: string };

/** Whether `key` is shaped as the API takes it (a UUID and a 16–128 character token). */
export function isFollowKey(key: { readonly id: string; readonly token: string }): boolean {
  return Id.safeParse(key.id).success && AccessTokenQuery.shape.token.safeParse(key.token).success;
}

/** The fragment (without `#`) that carries `values`, e.g. `id=…&token=…`. */
export function hashOf(values: Readonly<Record<string, string>>): string {
  return new URLSearchParams(values).toString();
}

/** The values of `names` in a fragment (with or without its `#`), trimmed; missing ones absent. */
export function readHash<const N extends string>(
  hash: string,
  names: readonly N[],
): Partial<Record<N, string>> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const found: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) found[name] = value;
  }
  return found;
}

/** The follow key in a fragment `#id=…&token=…`, when both are there and well-formed. */
export function followKeyOf(hash: string): FollowKey | undefined {
  const { id, token } = readHash(hash, ['id', 'token']);
  if (!id || !token) return undefined;
  const key = { id, token };
  return isFollowKey(key) ? key : undefined;
}

/** The application a correction replaces, from `#resubmit=…&token=…`. */
export function resubmitKeyOf(hash: string): FollowKey | undefined {
  const { resubmit, token } = readHash(hash, ['resubmit', 'token']);
  if (!resubmit || !token) return undefined;
  const key = { id: resubmit, token };
  return isFollowKey(key) ? key : undefined;
}
