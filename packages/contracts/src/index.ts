// The HTTP API's contract: every request and response schema, shared by the server (validation
// and OpenAPI) and the web app (typed calls, form validation). Imports only zod.
export * from './applications.ts';
export * from './audit.ts';
export * from './checks.ts';
export * from './common.ts';
export * from './dashboard.ts';
export * from './deregistration.ts';
export * from './inventory.ts';
export * from './notifications.ts';
export * from './onboarding.ts';
export * from './ops.ts';
export * from './payments.ts';
export * from './rate-changes.ts';
export * from './services.ts';
export * from './session.ts';
export * from './settlements.ts';
export * from './system.ts';
export * from './terminals.ts';
export * from './tickets.ts';
export * from './transactions.ts';
export * from './virtual-pos.ts';
export * from './webhooks.ts';
