// Goal: the rules of revoking and activating services refuse what the merchant platform promises
// to refuse, naming the service. Method: plain values, no database.
import { describe, expect, it } from 'vitest';
import type { Service } from '../payments/model.ts';
import { checkServiceChange, servicesOfPayload, type ServiceStatus } from './services.ts';

const statuses = new Map<Service, ServiceStatus>([
  ['card_debit', 'active'],
  ['card_credit', 'revoked'],
  ['alipay', 'suspended'],
]);
const none = new Set<Service>();

describe('checkServiceChange', () => {
  it('revokes only active services', () => {
    expect(checkServiceChange('revoke', ['card_debit'], { statuses, open: none }).ok).toBe(true);
    for (const service of ['card_credit', 'alipay', 'd0_settlement'] as const) {
      const refused = checkServiceChange('revoke', ['card_debit', service], {
        statuses,
        open: none,
      });
      expect(!refused.ok && refused.outcome).toMatchObject({
        code: 'service_not_revocable',
        detail: { service, index: 1 },
      });
    }
  });

  it('activates any service but an active one', () => {
    const ok = checkServiceChange('activate', ['card_credit', 'alipay', 'pre_authorization'], {
      statuses,
      open: none,
    });
    expect(ok.ok).toBe(true);
    const refused = checkServiceChange('activate', ['card_debit'], { statuses, open: none });
    expect(!refused.ok && refused.outcome.code).toBe('service_already_active');
  });

  it('refuses a service another open application names', () => {
    const open = new Set<Service>(['card_credit']);
    const refused = checkServiceChange('activate', ['card_credit'], { statuses, open });
    expect(!refused.ok && refused.outcome.code).toBe('application_already_open');
  });
});

describe('servicesOfPayload', () => {
  it('reads the known services of a payload and nothing else', () => {
    expect(servicesOfPayload({ services: ['alipay', 'bitcoin', 3] })).toEqual(['alipay']);
    expect(servicesOfPayload(null)).toEqual([]);
    expect(servicesOfPayload({ services: 'alipay' })).toEqual([]);
  });
});
