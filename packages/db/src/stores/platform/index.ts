// The merchant platform's stores: plain functions over a `Db` or a transaction of it.
export * as identity from './identity.ts';
export * as idempotency from './idempotency.ts';
export * as audit from './audit.ts';
export * as applications from './applications.ts';
export * as notifications from './notifications.ts';
export { STAFF_ROLES } from './identity.ts';
export type { AccountKind, MerchantUserRole, StaffRole } from './identity.ts';
