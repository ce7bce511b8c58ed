// Submitting an application and notifying its merchant: used by every kind's own route, inside
// the transaction that checked the request.
import type { FastifyRequest } from 'fastify';
import { applicationNo, businessDateOf, type ApplicationKind } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import type { ApplicationRow } from './handlers.ts';

export type SubmitInput = {
  readonly kind: ApplicationKind;
  readonly merchantId: string | null;
  readonly reason: string;
  readonly payload: Record<string, unknown>;
};

const UNIQUE_VIOLATION = '23505';

/**
 * Records a submitted application by the request's caller, with its audit row and a notification
 * to the merchant. Outcome: `application_already_open` (one open deregistration per merchant).
 */
export async function submitApplication(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: SubmitInput,
): Promise<ApplicationRow> {
  const at = deps.services.clock.now();
  const seq = await platform.applications.nextApplicationSeq(tx);
  const date = businessDateOf(at, deps.services.config.cutoffTime);
  const principal = request.principal;
  const row: ApplicationRow = {
    id: deps.ids.next(),
    applicationNo: applicationNo(input.kind, date, seq),
    kind: input.kind,
    merchantId: input.merchantId,
    status: 'submitted',
    reason: input.reason,
    payload: input.payload,
    submittedByKind: principal ? principal.kind : 'applicant',
    submittedBy: principal?.id ?? null,
    submittedAt: at,
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    withdrawnAt: null,
    executedAt: null,
    result: null,
  };
  try {
    await platform.applications.insertApplication(tx, row);
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    // The transaction is spoilt; throwing rolls it back whole.
    throw new OutcomeError({ code: 'application_already_open', detail: { kind: input.kind } });
  }
  await audit(deps, tx, request, {
    action: 'application.submitted',
    objectType: 'application',
    objectId: row.id,
    merchantId: row.merchantId,
    detail: { kind: row.kind, applicationNo: row.applicationNo, reason: row.reason },
  });
  // A change staff propose (a rate change) is announced to the merchant once it is approved.
  if (row.submittedByKind !== 'staff') await notifyApplication(deps, tx, row, 'submitted');
  return row;
}

const STATUS_ZH = {
  submitted: '已提交',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
  executed: '已办结',
} as const;

const KIND_ZH: Record<ApplicationKind, string> = {
  onboarding: '入网申请',
  deregistration: '注销账户申请',
  service_revocation: '撤销服务申请',
  service_activation: '开通服务申请',
  terminal_replacement: '换机申请',
  terminal_return: '退机申请',
  rate_change: '调价',
};

/** An in-app notification to the application's merchant (none before it has one). */
export async function notifyApplication(
  deps: HttpDeps,
  tx: Db,
  row: ApplicationRow,
  status: keyof typeof STATUS_ZH,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (!row.merchantId) return;
  const kind = row.kind as ApplicationKind;
  await platform.notifications.insertNotification(tx, {
    id: deps.ids.next(),
    merchantId: row.merchantId,
    at: deps.services.clock.now(),
    kind: `application.${status}`,
    title: `${KIND_ZH[kind]}${STATUS_ZH[status]}`,
    body: `申请编号 ${row.applicationNo}：${KIND_ZH[kind]}${STATUS_ZH[status]}。`,
    detail: { applicationId: row.id, applicationNo: row.applicationNo, kind, status, ...extra },
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
