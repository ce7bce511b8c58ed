// Fee rates (费率) and rate changes (调价): the rates that concern a merchant (its own and its
// plan's, past and scheduled), a reviewed change's new row, the merchants it reaches, and the
// rate_change applications as staff and merchants list them.
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  notExists,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { ApplicationStatus, RateScope, ScheduledRate, Service } from '@shoudan/core';
import type { Db } from '../../drivers/open.ts';
import { applications, feePlans, feeRates, merchants } from '../../schema/index.ts';

export type RateRow = ScheduledRate & {
  readonly id: string;
  readonly service: Service;
  readonly createdAt: Date;
};

/** Whose rate: a fee plan's (every merchant on it) or one merchant's own. */
export type RateOwner =
  | { readonly feePlanId: string; readonly merchantId?: undefined }
  | { readonly merchantId: string; readonly feePlanId?: undefined };

function ownedBy(owner: RateOwner): SQL {
  return owner.merchantId !== undefined
    ? eq(feeRates.merchantId, owner.merchantId)
    : eq(feeRates.feePlanId, owner.feePlanId);
}

/** Every rate of the merchant and of its plan, any service, in the order they take effect. */
export async function ratesOfMerchant(
  db: Db,
  merchant: { readonly merchantId: string; readonly feePlanId: string },
): Promise<RateRow[]> {
  const rows = await db
    .select()
    .from(feeRates)
    .where(
      or(eq(feeRates.merchantId, merchant.merchantId), eq(feeRates.feePlanId, merchant.feePlanId)),
    )
    .orderBy(asc(feeRates.effectiveFrom), asc(feeRates.id));
  return rows.map((r) => ({
    id: r.id,
    scope: (r.merchantId === null ? 'plan' : 'merchant') as RateScope,
    service: r.service as Service,
    rateBps: r.rateBps,
    capFen: r.capFen,
    effectiveFrom: r.effectiveFrom,
    createdAt: r.createdAt,
  }));
}

/** The fee plan, locked against other rate changes of it until the transaction ends. */
export async function lockFeePlan(db: Db, feePlanId: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: feePlans.id })
    .from(feePlans)
    .where(eq(feePlans.id, feePlanId))
    .for('no key update');
  return row;
}

/** Whether the owner already has a rate for `service` taking effect at exactly `effectiveFrom`. */
export async function rateScheduledAt(
  db: Db,
  input: RateOwner & { readonly service: Service; readonly effectiveFrom: Date },
): Promise<boolean> {
  const rows = await db
    .select({ id: feeRates.id })
    .from(feeRates)
    .where(
      and(
        ownedBy(input),
        eq(feeRates.service, input.service),
        eq(feeRates.effectiveFrom, input.effectiveFrom),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertFeeRate(
  db: Db,
  row: RateOwner & {
    readonly id: string;
    readonly service: Service;
    readonly rateBps: number;
    readonly capFen: bigint | null;
    readonly effectiveFrom: Date;
    readonly createdAt: Date;
  },
): Promise<void> {
  await db.insert(feeRates).values({
    id: row.id,
    feePlanId: row.feePlanId ?? null,
    merchantId: row.merchantId ?? null,
    service: row.service,
    rateBps: row.rateBps,
    capFen: row.capFen,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt,
  });
}

/**
 * The merchants a plan's new rate reaches: those on the plan, not closed, without a rate of
 * their own for the service in force by `effectiveFrom` (their own rate comes first).
 */
export async function merchantsReachedByPlanRate(
  db: Db,
  input: { readonly feePlanId: string; readonly service: Service; readonly effectiveFrom: Date },
): Promise<string[]> {
  const own = db
    .select({ one: sql`1` })
    .from(feeRates)
    .where(
      and(
        eq(feeRates.merchantId, merchants.id),
        eq(feeRates.service, input.service),
        lte(feeRates.effectiveFrom, input.effectiveFrom),
      ),
    );
  const rows = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(
      and(
        eq(merchants.feePlanId, input.feePlanId),
        sql`${merchants.status} <> 'closed'`,
        notExists(own),
      ),
    )
    .orderBy(asc(merchants.id));
  return rows.map((r) => r.id);
}

export type RateChangeRow = typeof applications.$inferSelect;

const isRateChange = eq(applications.kind, 'rate_change');

/** Rate changes of the owner for `service` still under review. */
export async function openRateChanges(
  db: Db,
  input: RateOwner & { readonly service: Service },
): Promise<RateChangeRow[]> {
  const owner =
    input.merchantId !== undefined
      ? eq(applications.merchantId, input.merchantId)
      : and(
          isNull(applications.merchantId),
          sql`${applications.payload}->>'feePlanId' = ${input.feePlanId}`,
        );
  return db
    .select()
    .from(applications)
    .where(
      and(
        isRateChange,
        owner,
        sql`${applications.payload}->>'service' = ${input.service}`,
        inArray(applications.status, ['submitted', 'approved']),
      ),
    );
}

export type RateChangeFilter = {
  readonly statuses?: readonly ApplicationStatus[];
  readonly feePlanId?: string;
  readonly merchantId?: string;
  readonly limit: number;
};

/** For staff: newest first. */
export async function listRateChanges(db: Db, filter: RateChangeFilter): Promise<RateChangeRow[]> {
  const where: SQL[] = [isRateChange];
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(inArray(applications.status, [...filter.statuses]));
  }
  if (filter.merchantId) where.push(eq(applications.merchantId, filter.merchantId));
  if (filter.feePlanId)
    where.push(sql`${applications.payload}->>'feePlanId' = ${filter.feePlanId}`);
  return db
    .select()
    .from(applications)
    .where(and(...where))
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(filter.limit);
}

/**
 * For a merchant: the rate changes carried out on its own rates or its plan's, newest first.
 * Whether a plan's change still reaches the merchant is for the caller to tell (planRateApplies).
 */
export async function executedRateChangesOf(
  db: Db,
  merchant: { readonly merchantId: string; readonly feePlanId: string; readonly limit: number },
): Promise<RateChangeRow[]> {
  const planChange = and(
    isNull(applications.merchantId),
    sql`${applications.payload}->>'feePlanId' = ${merchant.feePlanId}`,
  );
  return db
    .select()
    .from(applications)
    .where(
      and(
        isRateChange,
        eq(applications.status, 'executed'),
        or(eq(applications.merchantId, merchant.merchantId), planChange),
      ),
    )
    .orderBy(desc(applications.executedAt), desc(applications.id))
    .limit(merchant.limit);
}
