// The runs page's rules: a date's run buttons follow its status, and progress never passes 100.
import { describe, expect, it } from 'vitest';
import { runAllowed, runPercent } from './progress.ts';

describe('runs', () => {
  it('allows a cutoff on a due date and a settlement on a cut-off date only', () => {
    expect(runAllowed('cutoff', 'due')).toBe(true);
    expect(runAllowed('cutoff', 'open')).toBe(false);
    expect(runAllowed('cutoff', 'cut_off')).toBe(false);
    expect(runAllowed('settlement', 'cut_off')).toBe(true);
    expect(runAllowed('settlement', 'settled')).toBe(false);
    expect(runAllowed('settlement', 'due')).toBe(false);
  });

  it('counts progress from done of total, full once completed', () => {
    expect(runPercent({ done: 0, total: 1, status: 'running' })).toBe(0);
    expect(runPercent({ done: 2, total: 3, status: 'running' })).toBe(66);
    expect(runPercent({ done: 0, total: 0, status: 'completed' })).toBe(100);
    expect(runPercent({ done: 0, total: 0, status: 'running' })).toBe(0);
    expect(runPercent({ done: 5, total: 3, status: 'failed' })).toBe(100);
  });
});
