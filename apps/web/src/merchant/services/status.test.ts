// The services page's rules: the status shown with an open application folded in, and which
// change each service may be asked for (the API's own checks, so it is never asked to refuse).
import { describe, expect, it } from 'vitest';
import { canActivate, canRevoke, displayStatus } from './status.ts';

const open = (kind: string) => ({
  id: 'a',
  applicationNo: 'N',
  kind,
  status: 'submitted',
  submittedAt: '2026-12-05T00:00:00.000Z',
});

describe('services status', () => {
  it('folds an open revocation or activation into the status', () => {
    expect(displayStatus({ status: 'active', openApplication: null })).toBe('active');
    expect(displayStatus({ status: 'active', openApplication: open('service_revocation') })).toBe(
      'revocation_pending',
    );
    expect(displayStatus({ status: 'revoked', openApplication: open('service_activation') })).toBe(
      'activation_pending',
    );
    expect(displayStatus({ status: 'not_activated', openApplication: null })).toBe('not_activated');
  });

  it('offers revoke only for an active service without an open change', () => {
    expect(canRevoke({ status: 'active', openApplication: null })).toBe(true);
    expect(canRevoke({ status: 'active', openApplication: open('service_revocation') })).toBe(
      false,
    );
    expect(canRevoke({ status: 'revoked', openApplication: null })).toBe(false);
    expect(canRevoke({ status: 'suspended', openApplication: null })).toBe(false);
  });

  it('offers activate only for a service that is not active, without an open change', () => {
    expect(canActivate({ status: 'revoked', openApplication: null })).toBe(true);
    expect(canActivate({ status: 'not_activated', openApplication: null })).toBe(true);
    expect(canActivate({ status: 'active', openApplication: null })).toBe(false);
    expect(canActivate({ status: 'revoked', openApplication: open('service_activation') })).toBe(
      false,
    );
  });
});
