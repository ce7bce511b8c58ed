// Goal: the enums contracts writes out literally (it imports only zod) never drift from the
// constants and types of @shoudan/core and @shoudan/db. Method: compare the values, in order (the
// order is the OpenAPI document's), and the inferred types with expectTypeOf (checked by tsc).
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  PAYMENT_METHODS,
  SERVICES,
  type ServiceState,
  type TerminalStatus,
  type TransactionKind as CoreTransactionKind,
  type TransactionStatus as CoreTransactionStatus,
} from '@shoudan/core';
import { platform, STAFF_ROLES } from '@shoudan/db';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApplicationKind,
  ApplicationStatus,
  InventoryStatus,
  OnboardingStatus,
  PaymentRequest,
  Service,
  ServiceBody,
  StaffRole,
  TerminalBody,
  TicketStatus,
  TransactionKind,
  TransactionStatus,
} from './index.ts';

describe('enums written out in contracts', () => {
  it('equal the constants of core and db, in order', () => {
    expect(ApplicationKind.options).toEqual([...APPLICATION_KINDS]);
    expect(ApplicationStatus.options).toEqual([...APPLICATION_STATUSES]);
    expect(OnboardingStatus.shape.status.options).toEqual([...APPLICATION_STATUSES]);
    expect(Service.options).toEqual([...SERVICES]);
    expect(StaffRole.options).toEqual([...STAFF_ROLES]);
    expect(InventoryStatus.options).toEqual([...platform.inventory.INVENTORY_STATUSES]);
    expect(PaymentRequest.shape.method.options).toEqual(
      PAYMENT_METHODS.filter((m) => m !== 'card'),
    );
  });

  it('infer the types of core and db', () => {
    expectTypeOf<ApplicationKind>().toEqualTypeOf<(typeof APPLICATION_KINDS)[number]>();
    expectTypeOf<ApplicationStatus>().toEqualTypeOf<(typeof APPLICATION_STATUSES)[number]>();
    expectTypeOf<Service>().toEqualTypeOf<(typeof SERVICES)[number]>();
    expectTypeOf<StaffRole>().toEqualTypeOf<(typeof STAFF_ROLES)[number]>();
    expectTypeOf<TransactionKind>().toEqualTypeOf<CoreTransactionKind>();
    expectTypeOf<TransactionStatus>().toEqualTypeOf<CoreTransactionStatus>();
    expectTypeOf<TerminalBody['status']>().toEqualTypeOf<TerminalStatus>();
    expectTypeOf<ServiceBody['status']>().toEqualTypeOf<ServiceState>();
    expectTypeOf<TicketStatus>().toEqualTypeOf<platform.tickets.TicketStatus>();
    expectTypeOf<InventoryStatus>().toEqualTypeOf<platform.inventory.InventoryStatus>();
  });
});
