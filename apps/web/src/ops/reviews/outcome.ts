// Pure helpers of the review pages: the queue counted by kind for the overview, and the checks a
// refused approval names (a deregistration re-checked at approval: detail.failedChecks).

/** Submitted applications by kind, every known kind present (0 when none waits). */
export function countByKind(
  applications: readonly { readonly kind: string }[],
  kinds: readonly string[],
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(kinds.map((k) => [k, 0]));
  for (const a of applications) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return counts;
}

/** The keys of the failing checks in an error body's detail (a comma list or an array). */
export function failedChecksOf(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const detail = (body as { detail?: unknown }).detail;
  if (!detail || typeof detail !== 'object') return [];
  const failed = (detail as { failedChecks?: unknown }).failedChecks;
  if (typeof failed === 'string') return failed.split(',').filter((k) => k !== '');
  if (Array.isArray(failed)) return failed.filter((k): k is string => typeof k === 'string');
  return [];
}

/** Audit actions as i18n keys: `application.approved` → `application_approved`. */
export function actionKey(action: string): string {
  return action.replaceAll('.', '_');
}

const DAY_MS = 86_400_000;

/**
 * Whether a rate change approved now would be refused for its notice: the approval counts the
 * notice period again, from its own time (rate_change_notice_too_short).
 */
export function noticeTooShort(effectiveFrom: unknown, nowIso: string, noticeDays: number) {
  if (typeof effectiveFrom !== 'string') return false;
  return Date.parse(effectiveFrom) < Date.parse(nowIso) + noticeDays * DAY_MS;
}
