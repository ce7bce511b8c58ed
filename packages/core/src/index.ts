// @shoudan/core: the domain. Adapters import only from here.
export * from './shared/assert.ts';
export * from './shared/business-date.ts';
export * from './shared/clock.ts';
export * from './shared/ids.ts';
export * from './shared/money.ts';
export * from './shared/outcome.ts';
export * from './shared/pan.ts';
export * from './shared/random.ts';
export * from './shared/result.ts';
export * from './payments/model.ts';
export * from './payments/card-network.ts';
export * from './payments/card-network-simulator.ts';
export * from './payments/store.ts';
export { SNAPSHOT_TTL_MS } from './payments/terminal-snapshots.ts';
export type {
  PaymentApproved,
  PaymentResult,
  PaymentRules,
  PaymentsDeps,
} from './payments/deps.ts';
export type { SaleInput } from './payments/sale.ts';
export type { OriginalClaims, VoidSaleInput } from './payments/void-sale.ts';
export type { RefundInput } from './payments/refund.ts';
export type { ReverseInput, Reversed, ReversalEffect } from './payments/reverse.ts';
export type { ReversalRetries } from './payments/retry-reversals.ts';
export type { VoidableSale } from './payments/find-voidable-sales.ts';
export * from './terminals/model.ts';
export * from './terminals/store.ts';
export type { SignedIn } from './terminals/sign-in.ts';
export type { BatchSettled, SettleBatchInput } from './terminals/settle-batch.ts';
export * from './settlement/model.ts';
export * from './settlement/store.ts';
export * from './settlement/statement.ts';
export type { CutOff } from './settlement/cutoff.ts';
export type { DateSettled, SettleMerchantsInput } from './settlement/settle-merchants.ts';
export * from './ledger/model.ts';
export * from './ledger/store.ts';
export type { LedgerReport, BalanceMismatch } from './ledger/check-ledger.ts';
export { createEngine } from './engine.ts';
export type { Engine, EngineDeps, EngineStores } from './engine.ts';
export * from './reviews/model.ts';
export * from './merchants/services.ts';
export * from './fees/rate-changes.ts';
export * from './merchants/deregistration.ts';
export * from './merchants/charges.ts';
export * from './merchants/onboarding.ts';
