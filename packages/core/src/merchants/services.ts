// Service management (服务管理): which of a merchant's services may be revoked (撤销服务) or
// activated (开通服务), checked when the merchant applies and again when a reviewer approves.
// Both changes take effect only on approval (DESIGN.md).
import type { ApplicationKind } from '../reviews/model.ts';
import { SERVICES, type Service } from '../payments/model.ts';
import { outcome, type Outcome } from '../shared/outcome.ts';
import { err, ok, type Result } from '../shared/result.ts';

export const SERVICE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** How the platform shows a service: its status, or `not_activated` when it never had it. */
export type ServiceState = ServiceStatus | 'not_activated';

/** What a merchant reads for each service (notifications, the platform's pages). */
export const SERVICE_NAMES = {
  card_debit: { en: 'Debit cards', zh: '借记卡' },
  card_credit: { en: 'Credit cards', zh: '贷记卡' },
  unionpay_qr: { en: 'UnionPay QR', zh: '银联二维码' },
  wechat_pay: { en: 'WeChat Pay', zh: '微信支付' },
  alipay: { en: 'Alipay', zh: '支付宝' },
  d0_settlement: { en: 'Same-day settlement (D0)', zh: 'D0结算' },
  pre_authorization: { en: 'Pre-authorization', zh: '预授权' },
} as const satisfies Record<Service, { en: string; zh: string }>;

export type ServiceChange = 'revoke' | 'activate';

/** The application kind of each change, and the status it leaves the services in. */
export const SERVICE_CHANGES = {
  revoke: { kind: 'service_revocation', to: 'revoked' },
  activate: { kind: 'service_activation', to: 'active' },
} as const satisfies Record<ServiceChange, { kind: ApplicationKind; to: ServiceStatus }>;

export type ServiceChangeFacts = {
  /** The status of each service the merchant has a row for. */
  readonly statuses: ReadonlyMap<Service, ServiceStatus>;
  /** Services another open revocation or activation names (none when re-checking one). */
  readonly open: ReadonlySet<Service>;
};

export type ServiceChangeRefusal = Outcome<
  'service_not_revocable' | 'service_already_active' | 'application_already_open'
>;

/**
 * Whether `requested` may be revoked or activated. Outcomes, each naming the service and its
 * index in `requested`: `service_not_revocable` (revoking one that is not active),
 * `service_already_active` (activating one that is), `application_already_open` (another open
 * revocation or activation names it).
 */
export function checkServiceChange(
  change: ServiceChange,
  requested: readonly Service[],
  facts: ServiceChangeFacts,
): Result<readonly Service[], ServiceChangeRefusal> {
  for (const [index, service] of requested.entries()) {
    const status: ServiceState = facts.statuses.get(service) ?? 'not_activated';
    if (change === 'revoke' && status !== 'active') {
      return err(outcome('service_not_revocable', { service, index, status }));
    }
    if (change === 'activate' && status === 'active') {
      return err(outcome('service_already_active', { service, index }));
    }
    if (facts.open.has(service)) {
      return err(outcome('application_already_open', { service, index }));
    }
  }
  return ok(requested);
}

/** The services an application's payload names (`{ services: [...] }`), unknown names left out. */
export function servicesOfPayload(payload: unknown): Service[] {
  const listed = (payload as { services?: unknown } | null)?.services;
  if (!Array.isArray(listed)) return [];
  const known: ReadonlySet<string> = new Set(SERVICES);
  return listed.filter((s): s is Service => typeof s === 'string' && known.has(s));
}
