// Registration of fee plans, merchants, services and terminals, for seeding and tests. The
// reviewed onboarding flow of the merchant platform builds on these.
import { eq } from 'drizzle-orm';
import type { Service } from '@shoudan/core';
import type { Db } from '../drivers/open.ts';
import { feePlans, feeRates, merchants, merchantServices, terminals } from '../schema/index.ts';

export type RateInput = {
  service: Service;
  rateBps: number;
  capFen?: bigint | null;
  effectiveFrom: Date;
};

export async function createFeePlan(
  db: Db,
  input: { id: string; name: string; at: Date; rates: readonly (RateInput & { id: string })[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(feePlans).values({ id: input.id, name: input.name, createdAt: input.at });
    if (input.rates.length === 0) return;
    await tx.insert(feeRates).values(
      input.rates.map((r) => ({
        id: r.id,
        feePlanId: input.id,
        service: r.service,
        rateBps: r.rateBps,
        capFen: r.capFen ?? null,
        effectiveFrom: r.effectiveFrom,
        createdAt: input.at,
      })),
    );
  });
}

export async function addMerchantRate(
  db: Db,
  input: RateInput & { id: string; merchantId: string; at: Date },
): Promise<void> {
  await db.insert(feeRates).values({
    id: input.id,
    merchantId: input.merchantId,
    service: input.service,
    rateBps: input.rateBps,
    capFen: input.capFen ?? null,
    effectiveFrom: input.effectiveFrom,
    createdAt: input.at,
  });
}

export type MerchantInput = {
  id: string;
  merchantNo: string;
  name: string;
  merchantType: 'individual' | 'enterprise';
  feePlanId: string;
  services: readonly Service[];
  at: Date;
  status?: 'pending' | 'active' | 'suspended' | 'closed';
};

export async function createMerchant(db: Db, input: MerchantInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(merchants).values({
      id: input.id,
      merchantNo: input.merchantNo,
      name: input.name,
      merchantType: input.merchantType,
      status: input.status ?? 'active',
      feePlanId: input.feePlanId,
      createdAt: input.at,
    });
    if (input.services.length === 0) return;
    await tx.insert(merchantServices).values(
      input.services.map((service) => ({
        merchantId: input.id,
        service,
        status: 'active',
        changedAt: input.at,
      })),
    );
  });
}

export async function setServiceStatus(
  db: Db,
  input: {
    merchantId: string;
    service: Service;
    status: 'active' | 'suspended' | 'revoked';
    at: Date;
  },
): Promise<void> {
  await db
    .insert(merchantServices)
    .values({
      merchantId: input.merchantId,
      service: input.service,
      status: input.status,
      changedAt: input.at,
    })
    .onConflictDoUpdate({
      target: [merchantServices.merchantId, merchantServices.service],
      set: { status: input.status, changedAt: input.at },
    });
}

export async function setMerchantStatus(
  db: Db,
  input: { merchantId: string; status: 'pending' | 'active' | 'suspended' | 'closed' },
): Promise<void> {
  await db
    .update(merchants)
    .set({ status: input.status })
    .where(eq(merchants.id, input.merchantId));
}

export type TerminalInput = {
  terminalId: string;
  merchantId: string;
  serialNo: string;
  at: Date;
  status?: 'pending_activation' | 'active' | 'frozen' | 'deactivated';
  batchNo?: number;
};

export async function createTerminal(db: Db, input: TerminalInput): Promise<void> {
  await db.insert(terminals).values({
    terminalId: input.terminalId,
    merchantId: input.merchantId,
    serialNo: input.serialNo,
    status: input.status ?? 'active',
    currentBatchNo: input.batchNo ?? 1,
    createdAt: input.at,
  });
}

export async function setTerminalStatus(
  db: Db,
  input: {
    terminalId: string;
    status: 'pending_activation' | 'active' | 'frozen' | 'deactivated';
    reason?: string;
  },
): Promise<void> {
  await db
    .update(terminals)
    .set({ status: input.status, frozenReason: input.reason ?? null })
    .where(eq(terminals.terminalId, input.terminalId));
}
