// The merchant platform's stores: plain functions over a `Db` or a transaction of it.
export * as identity from './identity.ts';
export * as idempotency from './idempotency.ts';
export * as audit from './audit.ts';
export * as applications from './applications.ts';
export * as notifications from './notifications.ts';
export * as webhooks from './webhooks.ts';
export * as apiPayments from './api-payments.ts';
export * as transactions from './transactions.ts';
export * as terminals from './terminals.ts';
export * as tickets from './tickets.ts';
export * as services from './services.ts';
export * as rates from './rates.ts';
export * as deregistration from './deregistration.ts';
export * as onboarding from './onboarding.ts';
export * as inventory from './inventory.ts';
export { STAFF_ROLES } from './identity.ts';
export type { AccountKind, MerchantUserRole, StaffRole } from './identity.ts';
