// How applications read: who may withdraw (only where the API takes it), the timeline's steps,
// the kinds the web names, and the facts a payload carries.
import { describe, expect, it } from 'vitest';
import { knownKind, mayWithdraw, payloadFacts, timelineStep } from './status.ts';

describe('application status helpers', () => {
  const merchant = { kind: 'merchant_user', id: 'u1' };
  const staff = { kind: 'staff', id: 's1' };

  it('offers withdraw to an owner, for a submitted application the merchant asked for', () => {
    expect(mayWithdraw({ status: 'submitted', submittedBy: merchant }, 'owner')).toBe(true);
    expect(mayWithdraw({ status: 'submitted', submittedBy: merchant }, 'cashier')).toBe(false);
    expect(mayWithdraw({ status: 'approved', submittedBy: merchant }, 'owner')).toBe(false);
    expect(mayWithdraw({ status: 'submitted', submittedBy: staff }, 'owner')).toBe(false);
    expect(mayWithdraw({ status: 'submitted', submittedBy: merchant }, undefined)).toBe(false);
  });

  it('reads timeline steps and kinds', () => {
    expect(timelineStep('application.executed')).toBe('executed');
    expect(timelineStep('application.exploded')).toBeNull();
    expect(timelineStep('terminal.reported_lost')).toBeNull();
    expect(knownKind('service_revocation')).toBe('service_revocation');
    expect(knownKind('agent_signup')).toBeNull();
  });

  it('reads the facts of each payload shape', () => {
    expect(payloadFacts({ services: ['alipay'] })).toEqual([
      { kind: 'services', services: ['alipay'] },
    ]);
    const estimate = { asOf: '2026-12-05', depositRefundFen: '9900', feeRefundFen: '35300' };
    expect(payloadFacts({ refundEstimate: estimate })).toEqual([
      { kind: 'refundEstimate', ...estimate },
    ]);
    expect(
      payloadFacts({ terminalId: '31000101', serialNo: 'SN1', terminalStatus: 'active' }),
    ).toEqual([{ kind: 'terminal', terminalId: '31000101', serialNo: 'SN1' }]);
    expect(payloadFacts({ services: 'nope', refundEstimate: { asOf: 1 } })).toEqual([]);
  });
});
