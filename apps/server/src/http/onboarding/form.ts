// How the onboarding form (进件表单, checked field by field by its schema in @shoudan/contracts)
// is kept: the payload every screen shows has the numbers masked; the full numbers go to the
// applicant's private row.
import type { OnboardingForm } from '@shoudan/contracts';
import {
  maskAccountNo,
  maskBankCardNo,
  maskIdCardNo,
  maskMobileNo,
  type Service,
} from '@shoudan/core';

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
