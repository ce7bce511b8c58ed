// The onboarding form (进件表单) of an individual or an enterprise, checked field by field (check
// digits included, so a wrong number is a 400 naming its field), and how it is kept: the payload
// every screen shows has the numbers masked; the full numbers go to the applicant's private row.
import { z } from 'zod';
import {
  isValidAccountNo,
  isValidAreaCode,
  isValidBankCardNo,
  isValidCreditCode,
  isValidIdCardNo,
  isValidMobileNo,
  maskAccountNo,
  maskBankCardNo,
  maskIdCardNo,
  maskMobileNo,
  SERVICES,
  type Service,
} from '@shoudan/core';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

const IdCardNo = z
  .string()
  .refine((s) => isValidIdCardNo(s.toUpperCase()), 'not a valid ID card number (GB 11643)');
const Mobile = z.string().refine(isValidMobileNo, 'not a mainland mobile number');

const Common = {
  businessName: text(2, 60),
  /** 地区码 of the merchant number, e.g. 3100 Shanghai. */
  areaCode: z.string().refine(isValidAreaCode, 'a 4-digit area code such as 3100'),
  businessAddress: text(5, 200),
  services: z
    .array(z.enum(SERVICES))
    .min(1)
    .max(SERVICES.length)
    .refine((list) => new Set(list).size === list.length, 'each service once'),
  shippingAddress: z.object({
    recipient: text(1, 30),
    phone: Mobile,
    address: text(5, 200),
  }),
};

export const IndividualForm = z.object({
  merchantType: z.literal('individual'),
  name: text(2, 30),
  idCardNo: IdCardNo,
  bankCardNo: z.string().refine(isValidBankCardNo, 'not a valid bank card number (Luhn)'),
  phone: Mobile,
  ...Common,
});

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
  contactPhone: Mobile,
  ...Common,
});

export const OnboardingForm = z.discriminatedUnion('merchantType', [
  IndividualForm,
  EnterpriseForm,
]);
export type OnboardingForm = z.infer<typeof OnboardingForm>;

/** What the payload of an onboarding application holds: the form, its numbers masked. */
export type OnboardingPayload = {
  readonly merchantType: 'individual' | 'enterprise';
  readonly businessName: string;
  readonly areaCode: string;
  readonly services: readonly Service[];
  /** The owner user's name: the individual, or the enterprise's contact. */
  readonly ownerName: string;
  readonly previousApplicationId?: string;
  readonly [field: string]: unknown;
};

/** The numbers the payload masks, kept whole in the applicant's private row. */
export type OnboardingSecrets = {
  /** The owner's sign-in phone. */
  readonly phone: string;
  readonly idCardNo: string;
  /** The individual's bank card or the enterprise's corporate account. */
  readonly settlementAccountNo: string;
};

/** Splits a checked form into the payload to show and the numbers to keep private. */
export function sealForm(
  form: OnboardingForm,
  previousApplicationId: string | null,
): { payload: OnboardingPayload; secrets: OnboardingSecrets } {
  const link = previousApplicationId ? { previousApplicationId } : {};
  const common = {
    businessName: form.businessName,
    areaCode: form.areaCode,
    businessAddress: form.businessAddress,
    services: form.services,
    shippingAddress: form.shippingAddress,
    ...link,
  };
  if (form.merchantType === 'individual') {
    const idCardNo = form.idCardNo.toUpperCase();
    return {
      payload: {
        merchantType: 'individual',
        ownerName: form.name,
        name: form.name,
        idCardNo: maskIdCardNo(idCardNo),
        bankCardNo: maskBankCardNo(form.bankCardNo),
        phone: maskMobileNo(form.phone),
        ...common,
      },
      secrets: { phone: form.phone, idCardNo, settlementAccountNo: form.bankCardNo },
    };
  }
  const idCardNo = form.legalPersonIdCardNo.toUpperCase();
  return {
    payload: {
      merchantType: 'enterprise',
      ownerName: form.contactName,
      businessLicenceNo: form.businessLicenceNo.toUpperCase(),
      legalPersonName: form.legalPersonName,
      legalPersonIdCardNo: maskIdCardNo(idCardNo),
      corporateAccount: {
        bankName: form.corporateAccount.bankName,
        accountNo: maskAccountNo(form.corporateAccount.accountNo),
      },
      contactName: form.contactName,
      contactPhone: maskMobileNo(form.contactPhone),
      ...common,
    },
    secrets: {
      phone: form.contactPhone,
      idCardNo,
      settlementAccountNo: form.corporateAccount.accountNo,
    },
  };
}
