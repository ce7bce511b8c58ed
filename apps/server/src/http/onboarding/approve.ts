// What approving an onboarding application does, in the approval's transaction: a device taken
// from stock, the merchant with its services on the standard fee plan, its terminal (pending
// activation) and its owner user, whose password the applicant sets with their access token.
// No device in stock refuses the approval and writes nothing.
import { merchantNoOf, terminalIdOf } from '@shoudan/core';
import { platform, setup } from '@shoudan/db';
import { audit } from '../audit.ts';
import type { ExecutionContext } from '../applications/handlers.ts';
import { OutcomeError } from '../errors.ts';
import type { OnboardingPayload } from './form.ts';

/** The acquirer's standard plan (as the demo seed names it); the oldest plan when none is. */
export const STANDARD_FEE_PLAN_NAME = '收单标准费率';

/**
 * The owner's password until the applicant sets one: not a hash any password verifies against
 * (passwords.ts refuses a malformed hash), so nobody signs in as the owner before that. No
 * initial password is made, so none is ever shown, logged or kept in the application's result.
 */
export const UNSET_PASSWORD_HASH = '!unset: the applicant sets it with the access token';

const UNIQUE_VIOLATION = '23505';

function payloadOf(ctx: ExecutionContext): OnboardingPayload {
  return ctx.application.payload as OnboardingPayload;
}

async function applicantOf(ctx: ExecutionContext) {
  const applicant = await platform.onboarding.findApplicant(ctx.tx, ctx.application.id, {
    lock: true,
  });
  if (!applicant) throw new Error(`onboarding application ${ctx.application.id} has no applicant`);
  return applicant;
}

/** Outcome: `phone_already_registered` (the owner's phone signs in to an active merchant). */
export async function recheckOnboarding(ctx: ExecutionContext): Promise<void> {
  const applicant = await applicantOf(ctx);
  const account = await platform.identity.findLoginAccount(ctx.tx, 'merchant', applicant.phone);
  if (account) throw new OutcomeError({ code: 'phone_already_registered', param: 'phone' });
}

/** Outcomes: `inventory_empty`, `fee_rate_missing` (no fee plan), `phone_already_registered`. */
export async function executeOnboarding(ctx: ExecutionContext): Promise<Record<string, unknown>> {
  const { deps, tx, application, at } = ctx;
  const form = payloadOf(ctx);
  const applicant = await applicantOf(ctx);
  const device = await platform.inventory.takeDeviceInStock(tx);
  if (!device) throw new OutcomeError({ code: 'inventory_empty' });
  const feePlanId = await platform.onboarding.standardFeePlanId(tx, STANDARD_FEE_PLAN_NAME);
  if (!feePlanId) throw new OutcomeError({ code: 'fee_rate_missing' });
  const merchantId = deps.ids.next();
  const merchantNo = await platform.onboarding.nextMerchantNo(tx, (seq) =>
    merchantNoOf(form.areaCode, seq),
  );
  await setup.createMerchant(tx, {
    id: merchantId,
    merchantNo,
    name: form.businessName,
    merchantType: form.merchantType,
    feePlanId,
    services: form.services,
    at,
  });
  const terminalId = await platform.onboarding.nextTerminalId(tx, (seq) =>
    terminalIdOf(form.areaCode, seq),
  );
  await setup.createTerminal(tx, {
    terminalId,
    merchantId,
    serialNo: device.serialNo,
    status: 'pending_activation',
    batchNo: 1,
    at,
  });
  const { serialNo, model } = device;
  const allocation = { serialNo, terminalId, merchantId, applicationId: application.id, at };
  await platform.inventory.allocateDevice(tx, allocation);
  const ownerUserId = await createOwner(ctx, { merchantId, phone: applicant.phone });
  await platform.onboarding.recordMerchantOf(tx, {
    applicationId: application.id,
    merchantId,
    ownerUserId,
  });
  const result = { merchantId, merchantNo, terminalId, serialNo, model, ownerUserId, feePlanId };
  await audit(deps, tx, ctx.request, {
    action: 'merchant.onboarded',
    objectType: 'merchant',
    objectId: merchantId,
    merchantId,
    detail: { applicationNo: application.applicationNo, ...result },
  });
  await welcome(ctx, { merchantId, merchantNo, terminalId });
  return result;
}

async function createOwner(
  ctx: ExecutionContext,
  input: { readonly merchantId: string; readonly phone: string },
): Promise<string> {
  const id = ctx.deps.ids.next();
  try {
    await platform.identity.insertMerchantUser(ctx.tx, {
      id,
      merchantId: input.merchantId,
      phone: input.phone,
      name: payloadOf(ctx).ownerName,
      role: 'owner',
      passwordHash: UNSET_PASSWORD_HASH,
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: ctx.at,
    });
  } catch (error) {
    // Another approval gave the phone to its owner since the re-check: the transaction is
    // spoilt, and throwing rolls it back whole.
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    throw new OutcomeError({ code: 'phone_already_registered', param: 'phone' });
  }
  return id;
}

async function welcome(
  ctx: ExecutionContext,
  input: { readonly merchantId: string; readonly merchantNo: string; readonly terminalId: string },
): Promise<void> {
  const { application } = ctx;
  await platform.notifications.insertNotification(ctx.tx, {
    id: ctx.deps.ids.next(),
    merchantId: input.merchantId,
    at: ctx.at,
    kind: 'onboarding.executed',
    title: '入网申请已通过',
    body:
      `申请编号 ${application.applicationNo} 已通过：商户号 ${input.merchantNo}，` +
      `终端号 ${input.terminalId}。终端寄出后将通知您运单号，首次签到即启用。`,
    detail: {
      applicationId: application.id,
      applicationNo: application.applicationNo,
      merchantNo: input.merchantNo,
      terminalId: input.terminalId,
    },
    readAt: null,
  });
}

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
