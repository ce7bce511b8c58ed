// What the applicant sees of their onboarding application with its access token: where it stands,
// the reviewer's comment, its documents, and once approved the merchant number, the terminal and
// the shipment's carrier and tracking number. Numbers only masked, as the payload holds them.
import { z } from 'zod';
import { maskMobileNo } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationRow } from '../applications/handlers.ts';
import { documentBody } from './documents.ts';
import type { ApplicantRow } from './access.ts';

export const DocumentBody = z.object({
  id: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const OnboardingStatus = z.object({
  id: z.string(),
  applicationNo: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn', 'executed']),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  previousApplicationId: z.string().nullable(),
  resubmittedAs: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  documents: z.array(DocumentBody),
  merchant: z
    .object({
      merchantNo: z.string(),
      terminalId: z.string(),
      /** The owner's sign-in phone, masked. */
      ownerLogin: z.string(),
      ownerPasswordSet: z.boolean(),
    })
    .nullable(),
  shipment: z
    .object({
      serialNo: z.string(),
      status: z.enum(['allocated', 'shipped', 'delivered']),
      carrier: z.string().nullable(),
      trackingNo: z.string().nullable(),
      shippedAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
    })
    .nullable(),
});

type Status = z.infer<typeof OnboardingStatus>;

export async function onboardingStatus(
  db: Db,
  application: ApplicationRow,
  applicant: ApplicantRow,
): Promise<Status> {
  const payload = application.payload as Record<string, unknown>;
  const result = (application.result ?? null) as Record<string, unknown> | null;
  const documents = await platform.onboarding.listDocuments(db, application.id);
  const device = await platform.inventory.deviceOfApplication(db, application.id);
  return {
    id: application.id,
    applicationNo: application.applicationNo,
    status: application.status as Status['status'],
    submittedAt: application.submittedAt.toISOString(),
    reviewedAt: application.reviewedAt?.toISOString() ?? null,
    reviewComment: application.reviewComment,
    previousApplicationId:
      typeof payload['previousApplicationId'] === 'string'
        ? payload['previousApplicationId']
        : null,
    resubmittedAs: applicant.resubmittedAs,
    payload,
    documents: documents.map(documentBody),
    merchant: result
      ? {
          merchantNo: String(result['merchantNo']),
          terminalId: String(result['terminalId']),
          ownerLogin: maskMobileNo(applicant.phone),
          ownerPasswordSet: applicant.passwordSetAt !== null,
        }
      : null,
    shipment: device
      ? {
          serialNo: device.serialNo,
          status: device.status as 'allocated' | 'shipped' | 'delivered',
          carrier: device.carrier,
          trackingNo: device.trackingNo,
          shippedAt: device.shippedAt?.toISOString() ?? null,
          deliveredAt: device.deliveredAt?.toISOString() ?? null,
        }
      : null,
  };
}
