// How an applicant, who has no account, reaches their onboarding application: by its id and the
// access token answered once at submission, of which only the SHA-256 is kept. A wrong token
// and an unknown id get the same 404, so neither tells the other exists.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type Db, platform } from '@shoudan/db';
import { sha256 } from '../auth/principal.ts';
import { OutcomeError } from '../errors.ts';
import type { ApplicationRow } from '../applications/handlers.ts';

export type ApplicantRow = platform.onboarding.ApplicantRow;

/** A new access token (`oa_` + 256 random bits) and the digest to keep. */
export function newAccessToken(): { token: string; tokenHash: string } {
  const token = `oa_${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: sha256(token) };
}

function sameDigest(token: string, tokenHash: string): boolean {
  const given = Buffer.from(sha256(token), 'hex');
  const kept = Buffer.from(tokenHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/**
 * The onboarding application `id` and its applicant's row when `token` is its access token;
 * locked (for a change) when `lock`. Outcome: `not_found`.
 */
export async function applicationOfToken(
  db: Db,
  input: { readonly id: string; readonly token: string; readonly lock?: boolean },
): Promise<{ application: ApplicationRow; applicant: ApplicantRow }> {
  const lock = input.lock ?? false;
  const application = lock
    ? await platform.applications.lockApplication(db, input.id)
    : await platform.applications.findApplication(db, input.id);
  const applicant = application
    ? await platform.onboarding.findApplicant(db, application.id, { lock })
    : undefined;
  if (
    !application ||
    application.kind !== 'onboarding' ||
    !applicant ||
    !sameDigest(input.token, applicant.tokenHash)
  ) {
    throw new OutcomeError({ code: 'not_found', param: 'id' });
  }
  return { application, applicant };
}
