// Applying for a POS (办理 / 进件) without an account: the form of an individual or an enterprise,
// checked field by field (check digits included, so a wrong number is refused naming its field),
// the access token that follows the application, its documents and where it stands.
import { z } from 'zod';
import { ApplicationStatus } from './applications.ts';
import {
  isValidAccountNo,
  isValidAreaCode,
  isValidBankCardNo,
  isValidCreditCode,
  isValidIdCardNo,
  isValidMobileNo,
} from './checks.ts';
import { Id, listOf } from './common.ts';
import { Service } from './services.ts';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const IdCardNo = z
  .string()
  .refine((s) => isValidIdCardNo(s.toUpperCase()), 'not a valid ID card number (GB 11643)');
export type IdCardNo = z.infer<typeof IdCardNo>;

export const MobileNo = z.string().refine(isValidMobileNo, 'not a mainland mobile number');
export type MobileNo = z.infer<typeof MobileNo>;

const Common = {
  businessName: text(2, 60),
  /** 地区码 of the merchant number, e.g. 3100 Shanghai. */
  areaCode: z.string().refine(isValidAreaCode, 'a 4-digit area code such as 3100'),
  businessAddress: text(5, 200),
  services: z
    .array(Service)
    .min(1)
    .max(Service.options.length)
    .refine((list) => new Set(list).size === list.length, 'each service once'),
  shippingAddress: z.object({
    recipient: text(1, 30),
    phone: MobileNo,
    address: text(5, 200),
  }),
};

export const IndividualForm = z.object({
  merchantType: z.literal('individual'),
  name: text(2, 30),
  idCardNo: IdCardNo,
  bankCardNo: z.string().refine(isValidBankCardNo, 'not a valid bank card number (Luhn)'),
  phone: MobileNo,
  ...Common,
});
export type IndividualForm = z.infer<typeof IndividualForm>;

export const EnterpriseForm = z.object({
  merchantType: z.literal('enterprise'),
  businessLicenceNo: z
    .string()
    .refine(
      (s) => isValidCreditCode(s.toUpperCase()),
      'not a valid unified social credit code (GB 32100)',
    ),
  legalPersonName: text(2, 30),
  legalPersonIdCardNo: IdCardNo,
  corporateAccount: z.object({
    bankName: text(2, 60),
    accountNo: z.string().refine(isValidAccountNo, 'an account number of 6 to 32 digits'),
  }),
  contactName: text(2, 30),
  contactPhone: MobileNo,
  ...Common,
});
export type EnterpriseForm = z.infer<typeof EnterpriseForm>;

/** The onboarding form (进件表单), by `merchantType`. */
export const OnboardingForm = z.discriminatedUnion('merchantType', [
  IndividualForm,
  EnterpriseForm,
]);
export type OnboardingForm = z.infer<typeof OnboardingForm>;

/** The applicant's access token, shown once at submission. */
export const AccessTokenQuery = z.object({ token: z.string().min(16).max(128) });
export type AccessTokenQuery = z.infer<typeof AccessTokenQuery>;

export const OnboardingSubmission = z.object({
  id: z.string(),
  applicationNo: z.string(),
  status: z.string(),
  accessToken: z.string(),
  previousApplicationId: z.string().nullable(),
});
export type OnboardingSubmission = z.infer<typeof OnboardingSubmission>;

/** Once approved: the new owner's password, set once with the access token. */
export const OwnerPasswordRequest = z.object({ password: z.string().min(8).max(200) });
export type OwnerPasswordRequest = z.infer<typeof OwnerPasswordRequest>;

export const DocumentKind = z.enum([
  'id_card_front',
  'id_card_back',
  'business_licence',
  'bank_card',
  'shop_photo',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The query of an upload: the access token and what the document is. */
export const DocumentUploadQuery = AccessTokenQuery.extend({ kind: DocumentKind });
export type DocumentUploadQuery = z.infer<typeof DocumentUploadQuery>;

export const DocumentParams = z.object({ id: Id, documentId: Id });
export type DocumentParams = z.infer<typeof DocumentParams>;

export const DocumentBody = z.object({
  id: z.string(),
  applicationId: z.string(),
  kind: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type DocumentBody = z.infer<typeof DocumentBody>;

export const DocumentList = listOf(DocumentBody);
export type DocumentList = z.infer<typeof DocumentList>;

/** What the applicant sees with the access token; numbers only masked. */
export const OnboardingStatus = z.object({
  id: z.string(),
  applicationNo: z.string(),
  status: ApplicationStatus,
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
export type OnboardingStatus = z.infer<typeof OnboardingStatus>;
