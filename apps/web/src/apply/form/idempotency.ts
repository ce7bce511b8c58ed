// One Idempotency-Key per submit: kept while the same body is sent again (a retry after a lost
// answer is then answered once), a new one as soon as the applicant changes the form.

export type HeldKey = { readonly body: string; readonly key: string };

/** The key to send `body` with: `held`'s when the body is the same, else a fresh one. */
export function keyFor(held: HeldKey | undefined, body: unknown, fresh: () => string): HeldKey {
  const text = JSON.stringify(body);
  return held && held.body === text ? held : { body: text, key: fresh() };
}
