// A merchant's services (服务管理): their statuses, the open revocations and activations that name
// them, and the change a reviewed application makes. The merchant row is locked while a change is
// checked and recorded, so that two applications for one service cannot both open.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Service, ServiceStatus } from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { applications, merchants, merchantServices } from '../../schema/index.ts';

export type MerchantFacts = {
  readonly id: string;
  readonly status: string;
  readonly feePlanId: string;
};

export type ServiceRow = {
  readonly service: Service;
  readonly status: ServiceStatus;
  readonly changedAt: Date;
};

const merchantColumns = {
  id: merchants.id,
  status: merchants.status,
  feePlanId: merchants.feePlanId,
};

export async function findMerchant(db: Db, merchantId: string): Promise<MerchantFacts | undefined> {
  const [row] = await db
    .select(merchantColumns)
    .from(merchants)
    .where(eq(merchants.id, merchantId));
  return row;
}

/**
 * The merchant, locked against other changes of its services and rates until the transaction
 * ends. `no key update` leaves inserts that reference the merchant (payments, notifications) free.
 */
export async function lockMerchant(db: Db, merchantId: string): Promise<MerchantFacts | undefined> {
  const [row] = await db
    .select(merchantColumns)
    .from(merchants)
    .where(eq(merchants.id, merchantId))
    .for('no key update');
  return row;
}

/** Every service the merchant has a row for, in the order of their names. */
export async function listServices(db: Db, merchantId: string): Promise<ServiceRow[]> {
  const rows = await db
    .select({
      service: merchantServices.service,
      status: merchantServices.status,
      changedAt: merchantServices.changedAt,
    })
    .from(merchantServices)
    .where(eq(merchantServices.merchantId, merchantId))
    .orderBy(asc(merchantServices.service));
  return rows.map((r) => ({
    service: r.service as Service,
    status: r.status as ServiceStatus,
    changedAt: r.changedAt,
  }));
}

export type OpenServiceApplication = typeof applications.$inferSelect;

/** The merchant's revocations and activations still under review, oldest first. */
export async function openServiceApplications(
  db: Db,
  merchantId: string,
): Promise<OpenServiceApplication[]> {
  return db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.merchantId, merchantId),
        inArray(applications.kind, ['service_revocation', 'service_activation']),
        inArray(applications.status, ['submitted', 'approved']),
      ),
    )
    .orderBy(asc(applications.submittedAt), asc(applications.id));
}

/** Sets the status of `services` (a row is added for a service the merchant never had). */
export async function setServiceStatuses(
  db: Db,
  input: {
    readonly merchantId: string;
    readonly services: readonly Service[];
    readonly status: ServiceStatus;
    readonly at: Date;
  },
): Promise<void> {
  if (input.services.length === 0) return;
  await db
    .insert(merchantServices)
    .values(
      input.services.map((service) => ({
        merchantId: input.merchantId,
        service,
        status: input.status,
        changedAt: input.at,
      })),
    )
    .onConflictDoUpdate({
      target: [merchantServices.merchantId, merchantServices.service],
      set: { status: input.status, changedAt: input.at },
    });
}
