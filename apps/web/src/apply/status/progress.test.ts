// Checks the stages an applicant sees for each status of the application.
import type { OnboardingStatus } from '@shoudan/contracts';
import { describe, expect, it } from 'vitest';
import { currentStage, stagesOf } from './progress.ts';

const base: OnboardingStatus = {
  id: 'a',
  applicationNo: 'O1',
  status: 'submitted',
  submittedAt: '2026-01-01T00:00:00Z',
  reviewedAt: null,
  reviewComment: null,
  previousApplicationId: null,
  resubmittedAs: null,
  payload: {},
  documents: [],
  merchant: null,
  shipment: null,
};

const states = (s: OnboardingStatus) => stagesOf(s).map((x) => `${x.key}:${x.state}`);

describe('stagesOf', () => {
  it('waits for review', () => {
    const s = stagesOf(base);
    expect(s.map((x) => `${x.key}:${x.state}`).slice(0, 3)).toEqual([
      'submitted:finish',
      'review:process',
      'opened:wait',
    ]);
    expect(currentStage(s)).toBe(1);
  });

  it('ends at the review when rejected or withdrawn', () => {
    const rejected = { ...base, status: 'rejected', reviewedAt: '2026-01-02T00:00:00Z' } as const;
    expect(states(rejected)).toEqual(['submitted:finish', 'rejected:error']);
    expect(states({ ...base, status: 'withdrawn' })).toEqual([
      'submitted:finish',
      'withdrawn:error',
    ]);
  });

  it('follows an opened merchant to its delivered terminal', () => {
    const merchant = { merchantNo: 'm', terminalId: 't', ownerLogin: 'l', ownerPasswordSet: true };
    const shipment = {
      serialNo: 's',
      status: 'shipped',
      carrier: 'SF',
      trackingNo: '1',
      shippedAt: '2026-01-03T00:00:00Z',
      deliveredAt: null,
    } as const;
    const s = { ...base, status: 'executed', merchant, shipment } as const;
    expect(states(s)).toEqual([
      'submitted:finish',
      'approved:finish',
      'opened:finish',
      'password:finish',
      'shipped:finish',
      'delivered:process',
    ]);
    expect(currentStage(stagesOf(s))).toBe(5);
  });
});
