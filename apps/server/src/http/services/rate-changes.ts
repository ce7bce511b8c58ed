// Rate changes (调价), maker-checker: ops or finance propose a new rate for a fee plan or for one
// merchant at least the notice period ahead; another of them approves, which counts the notice
// again from the approval, schedules the rate (so it never applies to transactions before its
// effective time) and tells every merchant it reaches.
import type { FastifyRequest } from 'fastify';
import { RateChangePayload } from '@shoudan/contracts';
import { assert, checkRateChangeNotice, formatYuan, SERVICE_NAMES } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationHandler, ApplicationRow } from '../applications/handlers.ts';
import { submitApplication } from '../applications/submit.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { percentOf, shanghaiMinute } from './rate-view.ts';

/**
 * Checks and records the proposal. Outcomes: `not_found` (the plan or merchant), `merchant_closed`,
 * `rate_change_notice_too_short`, `application_already_open` (another change of the same rates
 * under review), `rate_already_scheduled`.
 */
export async function submitRateChange(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: { readonly change: RateChangePayload; readonly reason: string },
): Promise<ApplicationRow> {
  const { change } = input;
  await checkOwner(tx, change);
  checkNotice(deps, change, deps.services.clock.now());
  const open = await platform.rates.openRateChanges(tx, {
    ...ownerOf(change),
    service: change.service,
  });
  if (open.length > 0) {
    throw new OutcomeError({
      code: 'application_already_open',
      param: 'service',
      detail: { applicationNo: open[0]?.applicationNo ?? null },
    });
  }
  await checkNotScheduled(tx, change);
  return submitApplication(deps, tx, request, {
    kind: 'rate_change',
    merchantId: change.merchantId,
    reason: input.reason,
    payload: change,
  });
}

/** Reviewed by ops or finance other than the proposer; approval schedules the rate at once. */
export const rateChangeHandler: ApplicationHandler = {
  reviewers: ['ops', 'finance'],
  async recheck({ deps, tx, application, at }) {
    const change = RateChangePayload.parse(application.payload);
    await checkOwner(tx, change);
    checkNotice(deps, change, at);
    await checkNotScheduled(tx, change);
  },
  async execute({ deps, tx, application, at, request }) {
    const change = RateChangePayload.parse(application.payload);
    const owner = ownerOf(change);
    const feeRateId = deps.ids.next();
    const effectiveFrom = new Date(change.effectiveFrom);
    await platform.rates.insertFeeRate(tx, {
      ...owner,
      id: feeRateId,
      service: change.service,
      rateBps: change.rateBps,
      capFen: change.capFen === null ? null : BigInt(change.capFen),
      effectiveFrom,
      createdAt: at,
    });
    const reached =
      owner.merchantId !== undefined
        ? [owner.merchantId]
        : await platform.rates.merchantsReachedByPlanRate(tx, {
            feePlanId: owner.feePlanId,
            service: change.service,
            effectiveFrom,
          });
    for (const merchantId of reached) {
      const notice = announcement(deps, application, { merchantId, change, at });
      await platform.notifications.insertNotification(tx, notice);
    }
    request.log.info({ event: 'rate_change.scheduled', feeRateId, merchants: reached.length });
    return { feeRateId, effectiveFrom: change.effectiveFrom, merchantsNotified: reached.length };
  },
};

function ownerOf(change: RateChangePayload): platform.rates.RateOwner {
  if (change.merchantId !== null) return { merchantId: change.merchantId };
  assert(change.feePlanId !== null, 'a rate change names a fee plan or a merchant');
  return { feePlanId: change.feePlanId };
}

/**
 * Locks the plan or the merchant whose rate changes, so that two changes of it are never
 * checked at once. Outcomes: `not_found`, `merchant_closed`.
 */
async function checkOwner(tx: Db, change: RateChangePayload): Promise<void> {
  const owner = ownerOf(change);
  if (owner.merchantId !== undefined) {
    const merchant = await platform.services.lockMerchant(tx, owner.merchantId);
    if (!merchant) throw new OutcomeError({ code: 'not_found', param: 'merchantId' });
    if (merchant.status === 'closed') {
      throw new OutcomeError({ code: 'merchant_closed', param: 'merchantId' });
    }
    return;
  }
  const plan = await platform.rates.lockFeePlan(tx, owner.feePlanId);
  if (!plan) throw new OutcomeError({ code: 'not_found', param: 'feePlanId' });
}

function checkNotice(deps: HttpDeps, change: RateChangePayload, at: Date): void {
  const noticeDays = deps.services.config.rateChangeNoticeDays;
  const checked = checkRateChangeNotice(new Date(change.effectiveFrom), at, noticeDays);
  if (!checked.ok) throw new OutcomeError({ ...checked.outcome, param: 'effectiveFrom' });
}

/** Two rates of one owner and service taking effect at one instant would leave the pick open. */
async function checkNotScheduled(tx: Db, change: RateChangePayload): Promise<void> {
  const taken = await platform.rates.rateScheduledAt(tx, {
    ...ownerOf(change),
    service: change.service,
    effectiveFrom: new Date(change.effectiveFrom),
  });
  if (taken) throw new OutcomeError({ code: 'rate_already_scheduled', param: 'effectiveFrom' });
}

/** The merchant's notice of the new rate (费率调整通知). */
function announcement(
  deps: HttpDeps,
  application: ApplicationRow,
  input: { readonly merchantId: string; readonly change: RateChangePayload; readonly at: Date },
): platform.notifications.NotificationRow {
  const { change } = input;
  const cap = change.capFen === null ? '' : `，单笔封顶 ${formatYuan(BigInt(change.capFen))} 元`;
  const when = shanghaiMinute(new Date(change.effectiveFrom));
  return {
    id: deps.ids.next(),
    merchantId: input.merchantId,
    at: input.at,
    kind: 'rate_change.announced',
    title: '费率调整通知',
    body:
      `自 ${when}（北京时间）起，${SERVICE_NAMES[change.service].zh}费率调整为 ` +
      `${percentOf(change.rateBps)}${cap}。此前的交易仍按原费率计收。`,
    detail: {
      applicationId: application.id,
      applicationNo: application.applicationNo,
      ...change,
    },
    readAt: null,
  };
}
