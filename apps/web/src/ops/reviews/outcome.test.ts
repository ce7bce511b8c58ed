// The review pages' pure helpers: counting the queue by kind and reading a refusal's checks.
import { describe, expect, it } from 'vitest';
import { actionKey, countByKind, failedChecksOf, noticeTooShort } from './outcome.ts';

describe('review outcome helpers', () => {
  it('counts by kind with every known kind present', () => {
    const counts = countByKind(
      [{ kind: 'onboarding' }, { kind: 'onboarding' }, { kind: 'x' }],
      ['onboarding', 'deregistration'],
    );
    expect(counts).toEqual({ onboarding: 2, deregistration: 0, x: 1 });
  });

  it('reads failed checks as a comma list or an array, else none', () => {
    const body = { code: 'deregistration_blocked', detail: { failedChecks: 'a,b' } };
    expect(failedChecksOf(body)).toEqual(['a', 'b']);
    expect(failedChecksOf({ detail: { failedChecks: ['c', 1] } })).toEqual(['c']);
    expect(failedChecksOf({ code: 'x' })).toEqual([]);
    expect(failedChecksOf(null)).toEqual([]);
  });

  it('makes audit actions into keys', () => {
    expect(actionKey('application.document_uploaded')).toBe('application_document_uploaded');
  });

  it('tells a rate change whose notice would be too short if approved now', () => {
    const now = '2026-12-07T00:00:00Z';
    expect(noticeTooShort('2027-01-05T00:00:00Z', now, 30)).toBe(true);
    expect(noticeTooShort('2027-01-06T00:00:00Z', now, 30)).toBe(false);
    expect(noticeTooShort(undefined, now, 30)).toBe(false);
  });
});
