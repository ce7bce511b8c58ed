// What the applicant sees of their onboarding application with its access token: where it stands,
// the reviewer's comment, its documents, and once approved the merchant number, the terminal and
// the shipment's carrier and tracking number. Numbers only masked, as the payload holds them.
import type { OnboardingStatus } from '@shoudan/contracts';
import { maskMobileNo } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import type { ApplicationRow } from '../applications/handlers.ts';
import { documentBody } from './documents.ts';
import type { ApplicantRow } from './access.ts';

export async function onboardingStatus(
  db: Db,
  application: ApplicationRow,
  applicant: ApplicantRow,
): Promise<OnboardingStatus> {
  const payload = application.payload as Record<string, unknown>;
  const result = (application.result ?? null) as Record<string, unknown> | null;
  const documents = await platform.onboarding.listDocuments(db, application.id);
  const device = await platform.inventory.deviceOfApplication(db, application.id);
  return {
    id: application.id,
    applicationNo: application.applicationNo,
    status: application.status as OnboardingStatus['status'],
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
