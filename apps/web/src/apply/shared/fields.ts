// Every field the API takes for each kind of applicant, in sections, with the schema from
// @shoudan/contracts that checks it (the browser checks with the API's own rules) and how it is
// typed: the keyboard to offer, and the spaces people type in long numbers taken out.
import { EnterpriseForm, IndividualForm } from '@shoudan/contracts';
import type { z } from 'zod';
import type { MerchantType } from './documents.ts';

/** The rule a field follows; it names the message shown when the value breaks it. */
export type Check =
  'text' | 'idCard' | 'bankCard' | 'mobile' | 'areaCode' | 'creditCode' | 'accountNo' | 'services';

export type FieldSpec = {
  /** The field's path in the API's body, e.g. ['shippingAddress', 'phone']. */
  readonly name: readonly string[];
  readonly schema: z.ZodType;
  readonly check: Check;
  readonly inputMode?: 'numeric' | 'tel' | 'text';
  readonly autoComplete?: string;
  /** Long numbers: spaces taken out (and letters upper-cased where the number has an X). */
  readonly compact?: 'digits' | 'upper';
  /** A help line under the field (a key of 'apply.form' `help.*`). */
  readonly help?: string;
};

export type SectionSpec = { readonly key: string; readonly fields: readonly FieldSpec[] };

/** `shippingAddress.phone`: the field's id in data-testids, labels and API error params. */
export function fieldKey(name: readonly string[]): string {
  return name.join('.');
}

const I = IndividualForm.shape;
const E = EnterpriseForm.shape;
const S = I.shippingAddress.shape;

const mobile = (name: string[], schema: z.ZodType, help?: string): FieldSpec => ({
  name,
  schema,
  check: 'mobile',
  inputMode: 'tel',
  autoComplete: 'tel-national',
  compact: 'digits',
  ...(help ? { help } : {}),
});

const COMMON: readonly SectionSpec[] = [
  {
    key: 'business',
    fields: [
      { name: ['businessName'], schema: I.businessName, check: 'text', autoComplete: 'off' },
      {
        name: ['areaCode'],
        schema: I.areaCode,
        check: 'areaCode',
        inputMode: 'numeric',
        compact: 'digits',
        help: 'areaCode',
      },
      {
        name: ['businessAddress'],
        schema: I.businessAddress,
        check: 'text',
        autoComplete: 'street-address',
      },
      { name: ['services'], schema: I.services, check: 'services', help: 'services' },
    ],
  },
  {
    key: 'shipping',
    fields: [
      { name: ['shippingAddress', 'recipient'], schema: S.recipient, check: 'text' },
      mobile(['shippingAddress', 'phone'], S.phone),
      {
        name: ['shippingAddress', 'address'],
        schema: S.address,
        check: 'text',
        autoComplete: 'street-address',
        help: 'shippingAddress',
      },
    ],
  },
];

const INDIVIDUAL: readonly SectionSpec[] = [
  {
    key: 'owner',
    fields: [
      { name: ['name'], schema: I.name, check: 'text', autoComplete: 'name' },
      { name: ['idCardNo'], schema: I.idCardNo, check: 'idCard', compact: 'upper' },
      mobile(['phone'], I.phone, 'phone'),
    ],
  },
  {
    key: 'settlement',
    fields: [
      {
        name: ['bankCardNo'],
        schema: I.bankCardNo,
        check: 'bankCard',
        inputMode: 'numeric',
        compact: 'digits',
        help: 'bankCardNo',
      },
    ],
  },
  ...COMMON,
];

const ENTERPRISE: readonly SectionSpec[] = [
  {
    key: 'company',
    fields: [
      {
        name: ['businessLicenceNo'],
        schema: E.businessLicenceNo,
        check: 'creditCode',
        compact: 'upper',
        help: 'businessLicenceNo',
      },
      { name: ['legalPersonName'], schema: E.legalPersonName, check: 'text' },
      {
        name: ['legalPersonIdCardNo'],
        schema: E.legalPersonIdCardNo,
        check: 'idCard',
        compact: 'upper',
      },
    ],
  },
  {
    key: 'settlement',
    fields: [
      {
        name: ['corporateAccount', 'bankName'],
        schema: E.corporateAccount.shape.bankName,
        check: 'text',
      },
      {
        name: ['corporateAccount', 'accountNo'],
        schema: E.corporateAccount.shape.accountNo,
        check: 'accountNo',
        inputMode: 'numeric',
        compact: 'digits',
      },
    ],
  },
  {
    key: 'contact',
    fields: [
      { name: ['contactName'], schema: E.contactName, check: 'text', autoComplete: 'name' },
      mobile(['contactPhone'], E.contactPhone, 'phone'),
    ],
  },
  ...COMMON,
];

export const SECTIONS: Record<MerchantType, readonly SectionSpec[]> = {
  individual: INDIVIDUAL,
  enterprise: ENTERPRISE,
};

export function fieldsOf(merchantType: MerchantType): FieldSpec[] {
  return SECTIONS[merchantType].flatMap((section) => section.fields);
}
