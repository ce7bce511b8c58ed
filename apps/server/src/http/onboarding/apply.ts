// Submitting an onboarding application (办理 / 进件), first or corrected after a rejection: the
// application with its masked payload, the applicant's private row (token digest, full numbers),
// and, for a correction, the link both ways and the documents carried over.
import type { FastifyRequest } from 'fastify';
import type { OnboardingForm } from '@shoudan/contracts';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationRow } from '../applications/handlers.ts';
import { submitApplication } from '../applications/submit.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { newAccessToken, type ApplicantRow } from './access.ts';
import { sealForm } from './form.ts';

export type Submitted = {
  readonly application: ApplicationRow;
  /** Shown once: the applicant follows the application with it. */
  readonly accessToken: string;
};

const TYPE_ZH = { individual: '个人商户', enterprise: '企业商户' } as const;

/** Records a new onboarding application from `form`, linked to `previous` when a correction. */
export async function submitOnboarding(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: { readonly form: OnboardingForm; readonly previous: ApplicationRow | null },
): Promise<Submitted> {
  const { payload, secrets } = sealForm(input.form, input.previous?.id ?? null);
  const application = await submitApplication(deps, tx, request, {
    kind: 'onboarding',
    merchantId: null,
    reason: `${payload.businessName} 申请入网（${TYPE_ZH[payload.merchantType]}）`,
    payload,
  });
  const { token, tokenHash } = newAccessToken();
  await platform.onboarding.insertApplicant(tx, {
    applicationId: application.id,
    tokenHash,
    ...secrets,
    merchantId: null,
    ownerUserId: null,
    passwordSetAt: null,
    resubmittedAs: null,
    createdAt: application.submittedAt,
  });
  return { application, accessToken: token };
}

/**
 * A corrected application replacing the rejected `previous` (an application's status never goes
 * back, so the correction is a new one); its documents come along, so the applicant uploads only
 * what changed. Outcome: `application_not_pending` (not rejected, or corrected already).
 */
export async function resubmitOnboarding(
  deps: HttpDeps,
  tx: Db,
  request: FastifyRequest,
  input: {
    readonly form: OnboardingForm;
    readonly previous: ApplicationRow;
    /** The previous application's applicant row, read under its lock. */
    readonly applicant: ApplicantRow;
  },
): Promise<Submitted> {
  const { previous } = input;
  if (previous.status !== 'rejected' || input.applicant.resubmittedAs !== null) {
    throw new OutcomeError({
      code: 'application_not_pending',
      detail: { status: previous.status, action: 'resubmit' },
    });
  }
  const submitted = await submitOnboarding(deps, tx, request, input);
  const linked = await platform.onboarding.recordResubmission(tx, {
    applicationId: previous.id,
    resubmittedAs: submitted.application.id,
  });
  if (!linked) throw new Error(`application ${previous.id} was resubmitted under its lock`);
  for (const document of await platform.onboarding.listDocuments(tx, previous.id)) {
    await platform.onboarding.insertDocument(tx, {
      ...document,
      id: deps.ids.next(),
      applicationId: submitted.application.id,
    });
  }
  return submitted;
}
