// The ops console's role rules: admin may do anything, maker-checker blocks one's own proposal,
// and each kind is reviewed by the roles its server handler names.
import { describe, expect, it } from 'vitest';
import { allows, isOwn, may, reviewBlock, reviewersOf } from './roles.ts';

const proposal = {
  kind: 'rate_change',
  status: 'submitted',
  submittedBy: { kind: 'staff', id: 'u-ops' },
};

describe('roles', () => {
  it('lets admin do everything and others only what they hold', () => {
    expect(allows(['admin'], ['finance'])).toBe(true);
    expect(allows(['ops'], ['finance'])).toBe(false);
    expect(allows(undefined, ['ops'])).toBe(false);
    expect(may(['finance'], 'payoutsPaid')).toBe(true);
    expect(may(['ops'], 'payoutsPaid')).toBe(false);
    expect(may(['support'], 'tickets')).toBe(true);
  });

  it('names the reviewers of each kind, none for an unknown kind', () => {
    expect(reviewersOf('onboarding')).toEqual(['reviewer']);
    expect(reviewersOf('terminal_return')).toEqual(['ops']);
    expect(reviewersOf('unknown')).toEqual([]);
  });

  it('blocks one’s own proposal, the wrong role and what is decided', () => {
    expect(reviewBlock(proposal, { userId: 'u-ops', roles: ['ops'] })).toBe('own');
    expect(reviewBlock(proposal, { userId: 'u-ops2', roles: ['ops'] })).toBeNull();
    expect(reviewBlock(proposal, { userId: 'u-rev', roles: ['reviewer'] })).toBe('role');
    expect(reviewBlock(proposal, { userId: 'u-adm', roles: ['admin'] })).toBeNull();
    const done = { ...proposal, status: 'executed' };
    expect(reviewBlock(done, { userId: 'u-ops2', roles: ['ops'] })).toBe('not_pending');
  });

  it('never counts a merchant’s application as a staff member’s own', () => {
    const merchants = { ...proposal, submittedBy: { kind: 'merchant_user', id: 'u-ops' } };
    expect(isOwn(merchants, 'u-ops')).toBe(false);
    expect(isOwn(proposal, undefined)).toBe(false);
  });
});
