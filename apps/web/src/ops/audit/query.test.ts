// The audit search's query: empty fields left out, dates as Beijing-time instants.
import { describe, expect, it } from 'vitest';
import { auditQuery } from './query.ts';

describe('auditQuery', () => {
  it('keeps only what was given, trimmed', () => {
    expect(auditQuery({ action: ' application.approved ', objectId: '' }, 50)).toEqual({
      limit: 50,
      action: 'application.approved',
    });
  });

  it('spans whole Beijing days', () => {
    expect(auditQuery({ from: '2026-12-01', to: '2026-12-05' }, 10)).toEqual({
      limit: 10,
      from: '2026-12-01T00:00:00+08:00',
      to: '2026-12-05T23:59:59.999+08:00',
    });
  });
});
