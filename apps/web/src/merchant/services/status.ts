// How a service reads on the 服务管理 page: its status with the change under review folded in
// (撤销审核中 / 开通审核中), and which of 撤销服务 / 开通服务 applies to it.
import type { ServiceBody } from '@shoudan/contracts';

export type ServiceDisplayStatus =
  | 'active'
  | 'revocation_pending'
  | 'revoked'
  | 'activation_pending'
  | 'not_activated'
  | 'suspended';

type ServiceFacts = Pick<ServiceBody, 'status' | 'openApplication'>;

/** The status shown (and in `data-status`): an open revocation or activation wins. */
export function displayStatus(service: ServiceFacts): ServiceDisplayStatus {
  const kind = service.openApplication?.kind;
  if (kind === 'service_revocation') return 'revocation_pending';
  if (kind === 'service_activation') return 'activation_pending';
  return service.status;
}

/** antd Tag colours. */
export const DISPLAY_COLOR: Record<ServiceDisplayStatus, string> = {
  active: 'success',
  revocation_pending: 'warning',
  activation_pending: 'processing',
  revoked: 'default',
  not_activated: 'default',
  suspended: 'error',
};

/** The API takes a revocation of an active service with no other change under review. */
export function canRevoke(service: ServiceFacts): boolean {
  return service.status === 'active' && service.openApplication === null;
}

/** And an activation of one that is not active, with no other change under review. */
export function canActivate(service: ServiceFacts): boolean {
  return service.status !== 'active' && service.openApplication === null;
}
