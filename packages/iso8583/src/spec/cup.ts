// The China UnionPay POS dialect: the one table of field numbers, wire formats and the message
// properties they map to (see shared/cup-8583.md §2–§3), and how each property is logged.
import { alpha, binary, numeric } from '../field/field-types.ts';
import {
  asciiText,
  gbkText,
  numericDigits,
  rawBytes,
  trackNibbles,
} from '../field/variable-content.ts';
import { llvar, lllvar } from '../field/variable.ts';
import type { CupMessage } from './cup-message.ts';
import { cupPartialKeys } from './cup-message.ts';
import { defineDialect, field } from './dialect.ts';
import {
  accessor,
  amountProperty,
  byMessageClass,
  type ClassLayout,
  type Draft,
  headAndText,
  type Property,
  property,
  subFieldProperties,
} from './layout.ts';

type CupDraft = Draft<CupMessage>;

/** A property of CupMessage with its accessors; `cup-table.test.ts` checks each pair matches. */
function prop<V>(
  key: keyof CupMessage & string,
  get: (message: CupDraft) => V | undefined,
  set: (message: CupDraft, value: V) => void,
): Property<CupMessage, V> {
  return accessor(key, get, set);
}

// The properties, in field order. Each has its own getter and setter: distinct code per
// property keeps message objects fast to build and read (V8 named property access).
const pan = prop<string>(
  'pan',
  (m) => m.pan,
  (m, v) => (m.pan = v),
);
const processingCode = prop<string>(
  'processingCode',
  (m) => m.processingCode,
  (m, v) => (m.processingCode = v),
);
const amountFen = prop<bigint>(
  'amountFen',
  (m) => m.amountFen,
  (m, v) => (m.amountFen = v),
);
const stan = prop<string>(
  'stan',
  (m) => m.stan,
  (m, v) => (m.stan = v),
);
const localTime = prop<string>(
  'localTime',
  (m) => m.localTime,
  (m, v) => (m.localTime = v),
);
const localDate = prop<string>(
  'localDate',
  (m) => m.localDate,
  (m, v) => (m.localDate = v),
);
const expiryDate = prop<string>(
  'expiryDate',
  (m) => m.expiryDate,
  (m, v) => (m.expiryDate = v),
);
const settlementDate = prop<string>(
  'settlementDate',
  (m) => m.settlementDate,
  (m, v) => (m.settlementDate = v),
);
const entryMode = prop<string>(
  'entryMode',
  (m) => m.entryMode,
  (m, v) => (m.entryMode = v),
);
const cardSequenceNo = prop<string>(
  'cardSequenceNo',
  (m) => m.cardSequenceNo,
  (m, v) => (m.cardSequenceNo = v),
);
const conditionCode = prop<string>(
  'conditionCode',
  (m) => m.conditionCode,
  (m, v) => (m.conditionCode = v),
);
const pinCaptureCode = prop<string>(
  'pinCaptureCode',
  (m) => m.pinCaptureCode,
  (m, v) => (m.pinCaptureCode = v),
);
const vendorFixedData = prop<Uint8Array>(
  'vendorFixedData',
  (m) => m.vendorFixedData,
  (m, v) => (m.vendorFixedData = v),
);
const acquirerId = prop<string>(
  'acquirerId',
  (m) => m.acquirerId,
  (m, v) => (m.acquirerId = v),
);
const track2 = prop<string>(
  'track2',
  (m) => m.track2,
  (m, v) => (m.track2 = v),
);
const track3 = prop<string>(
  'track3',
  (m) => m.track3,
  (m, v) => (m.track3 = v),
);
const rrn = prop<string>(
  'rrn',
  (m) => m.rrn,
  (m, v) => (m.rrn = v),
);
const authorisationCode = prop<string>(
  'authorisationCode',
  (m) => m.authorisationCode,
  (m, v) => (m.authorisationCode = v),
);
const responseCode = prop<string>(
  'responseCode',
  (m) => m.responseCode,
  (m, v) => (m.responseCode = v),
);
const vendorTextData = prop<Uint8Array>(
  'vendorTextData',
  (m) => m.vendorTextData,
  (m, v) => (m.vendorTextData = v),
);
const terminalId = prop<string>(
  'terminalId',
  (m) => m.terminalId,
  (m, v) => (m.terminalId = v),
);
const merchantNo = prop<string>(
  'merchantNo',
  (m) => m.merchantNo,
  (m, v) => (m.merchantNo = v),
);
const additionalResponse = prop<string>(
  'additionalResponse',
  (m) => m.additionalResponse,
  (m, v) => (m.additionalResponse = v),
);
const additionalData = prop<string>(
  'additionalData',
  (m) => m.additionalData,
  (m, v) => (m.additionalData = v),
);
const currencyCode = prop<string>(
  'currencyCode',
  (m) => m.currencyCode,
  (m, v) => (m.currencyCode = v),
);
const pinBlock = prop<Uint8Array>(
  'pinBlock',
  (m) => m.pinBlock,
  (m, v) => (m.pinBlock = v),
);
const securityControl = prop<string>(
  'securityControl',
  (m) => m.securityControl,
  (m, v) => (m.securityControl = v),
);
const balance = prop<string>(
  'balance',
  (m) => m.balance,
  (m, v) => (m.balance = v),
);
const chipData = prop<Uint8Array>(
  'chipData',
  (m) => m.chipData,
  (m, v) => (m.chipData = v),
);
const vendorBinaryData = prop<Uint8Array>(
  'vendorBinaryData',
  (m) => m.vendorBinaryData,
  (m, v) => (m.vendorBinaryData = v),
);
const vendorExtraData = prop<Uint8Array>(
  'vendorExtraData',
  (m) => m.vendorExtraData,
  (m, v) => (m.vendorExtraData = v),
);
const transactionTypeCode = prop<string>(
  'transactionTypeCode',
  (m) => m.transactionTypeCode,
  (m, v) => (m.transactionTypeCode = v),
);
const batchNo = prop<string>(
  'batchNo',
  (m) => m.batchNo,
  (m, v) => (m.batchNo = v),
);
const networkManagementCode = prop<string>(
  'networkManagementCode',
  (m) => m.networkManagementCode,
  (m, v) => (m.networkManagementCode = v),
);
const terminalCapability = prop<string>(
  'terminalCapability',
  (m) => m.terminalCapability,
  (m, v) => (m.terminalCapability = v),
);
const chipConditionCode = prop<string>(
  'chipConditionCode',
  (m) => m.chipConditionCode,
  (m, v) => (m.chipConditionCode = v),
);
const partialApprovalFlag = prop<string>(
  'partialApprovalFlag',
  (m) => m.partialApprovalFlag,
  (m, v) => (m.partialApprovalFlag = v),
);
const loyaltyAccountType = prop<string>(
  'loyaltyAccountType',
  (m) => m.loyaltyAccountType,
  (m, v) => (m.loyaltyAccountType = v),
);
const reservedTail = prop<string>(
  'reservedTail',
  (m) => m.reservedTail,
  (m, v) => (m.reservedTail = v),
);
const originalBatchNo = prop<string>(
  'originalBatchNo',
  (m) => m.originalBatchNo,
  (m, v) => (m.originalBatchNo = v),
);
const originalVoucherNo = prop<string>(
  'originalVoucherNo',
  (m) => m.originalVoucherNo,
  (m, v) => (m.originalVoucherNo = v),
);
const originalDate = prop<string>(
  'originalDate',
  (m) => m.originalDate,
  (m, v) => (m.originalDate = v),
);
const originalTail = prop<string>(
  'originalTail',
  (m) => m.originalTail,
  (m, v) => (m.originalTail = v),
);
const workingKeys = prop<Uint8Array>(
  'workingKeys',
  (m) => m.workingKeys,
  (m, v) => (m.workingKeys = v),
);
const terminalInfo = prop<Uint8Array>(
  'terminalInfo',
  (m) => m.terminalInfo,
  (m, v) => (m.terminalInfo = v),
);
const privateBinary = prop<Uint8Array>(
  'privateBinary',
  (m) => m.privateBinary,
  (m, v) => (m.privateBinary = v),
);
const operatorNo = prop<string>(
  'operatorNo',
  (m) => m.operatorNo,
  (m, v) => (m.operatorNo = v),
);
const cardOrganisation = prop<string>(
  'cardOrganisation',
  (m) => m.cardOrganisation,
  (m, v) => (m.cardOrganisation = v),
);
const responseText = prop<string>(
  'responseText',
  (m) => m.responseText,
  (m, v) => (m.responseText = v),
);
const mac = prop<Uint8Array>(
  'mac',
  (m) => m.mac,
  (m, v) => (m.mac = v),
);

export type CupProperty =
  Property<CupMessage, string> | Property<CupMessage, bigint> | Property<CupMessage, Uint8Array>;

/** Every property of the table with its accessors, for the consistency test. */
export const cupAccessors: readonly CupProperty[] = [
  pan,
  processingCode,
  amountFen,
  stan,
  localTime,
  localDate,
  expiryDate,
  settlementDate,
  entryMode,
  cardSequenceNo,
  conditionCode,
  pinCaptureCode,
  vendorFixedData,
  acquirerId,
  track2,
  track3,
  rrn,
  authorisationCode,
  responseCode,
  vendorTextData,
  terminalId,
  merchantNo,
  additionalResponse,
  additionalData,
  currencyCode,
  pinBlock,
  securityControl,
  balance,
  chipData,
  vendorBinaryData,
  vendorExtraData,
  transactionTypeCode,
  batchNo,
  networkManagementCode,
  terminalCapability,
  chipConditionCode,
  partialApprovalFlag,
  loyaltyAccountType,
  reservedTail,
  originalBatchNo,
  originalVoucherNo,
  originalDate,
  originalTail,
  workingKeys,
  terminalInfo,
  privateBinary,
  operatorNo,
  cardOrganisation,
  responseText,
  mac,
];

/** Message class digit (`08x0` → `8`) and whether the MTI is a response (function digit odd). */
function messageClass(mti: string): string {
  return mti.charAt(1);
}

export function isResponseMti(mti: string): boolean {
  return (mti.charCodeAt(2) & 1) === 1;
}

function single<V>(target: Property<CupMessage, V>): ClassLayout<CupMessage, V> {
  return { layout: property(target), holds: (m) => target.get(m) !== undefined };
}

const keysLayout = single(workingKeys);
const terminalLayout = single(terminalInfo);
const privateLayout = single(privateBinary);

// Field 62: working keys in a sign-in answer, terminal data in a management request.
const reservedBinary = byMessageClass<CupMessage, Uint8Array>(
  (mti) => {
    if (messageClass(mti) !== '8') return privateLayout;
    return isResponseMti(mti) ? keysLayout : terminalLayout;
  },
  [keysLayout, terminalLayout, privateLayout],
);

const operatorLayout = single(operatorNo);
const organisationLayout: ClassLayout<CupMessage, string> = {
  layout: headAndText({ head: cardOrganisation, headLength: 3, text: responseText }),
  holds: (m) => m.cardOrganisation !== undefined || m.responseText !== undefined,
};

// Field 63: the operator in management and settlement messages, else 63.1 card organisation +
// 63.2 text (refund requests send `000` or `CUP` there too).
const reservedText = byMessageClass<CupMessage, string>(
  (mti) => {
    const code = messageClass(mti);
    return code === '8' || code === '5' ? operatorLayout : organisationLayout;
  },
  [operatorLayout, organisationLayout],
);

const reservedPrivate = subFieldProperties<CupMessage>({
  number: 60,
  parts: [
    { target: transactionTypeCode, width: 2 },
    { target: batchNo, width: 6 },
    { target: networkManagementCode, width: 3 },
    { target: terminalCapability, width: 1 },
    { target: chipConditionCode, width: 1 },
    { target: partialApprovalFlag, width: 1 },
    { target: loyaltyAccountType, width: 3 },
  ],
  tail: reservedTail,
});

const originalMessage = subFieldProperties<CupMessage>({
  number: 61,
  parts: [
    { target: originalBatchNo, width: 6 },
    { target: originalVoucherNo, width: 6 },
    { target: originalDate, width: 4 },
  ],
  tail: originalTail,
});

export const cupDialect = defineDialect<CupMessage>({
  name: 'CUP POS',
  macField: 64,
  partialKeys: cupPartialKeys,
  fields: [
    field(2, llvar(numericDigits, { max: 19 }), property(pan)),
    field(3, numeric({ length: 6 }), property(processingCode)),
    field(4, numeric({ length: 12 }), amountProperty(amountFen, 12)),
    field(11, numeric({ length: 6 }), property(stan)),
    field(12, numeric({ length: 6 }), property(localTime)),
    field(13, numeric({ length: 4 }), property(localDate)),
    field(14, numeric({ length: 4 }), property(expiryDate)),
    field(15, numeric({ length: 4 }), property(settlementDate)),
    field(22, numeric({ length: 3, align: 'left' }), property(entryMode)),
    field(23, numeric({ length: 3 }), property(cardSequenceNo)),
    field(25, numeric({ length: 2 }), property(conditionCode)),
    field(26, numeric({ length: 2 }), property(pinCaptureCode)),
    field(31, binary({ length: 8 }), property(vendorFixedData)),
    field(32, llvar(numericDigits, { max: 11 }), property(acquirerId)),
    field(35, llvar(trackNibbles, { max: 37 }), property(track2)),
    field(36, lllvar(trackNibbles, { max: 104 }), property(track3)),
    field(37, alpha({ length: 12 }), property(rrn)),
    field(38, alpha({ length: 6 }), property(authorisationCode)),
    field(39, alpha({ length: 2 }), property(responseCode)),
    field(40, lllvar(rawBytes, { max: 999 }), property(vendorTextData)),
    field(41, alpha({ length: 8 }), property(terminalId)),
    field(42, alpha({ length: 15 }), property(merchantNo)),
    field(44, llvar(asciiText, { max: 25 }), property(additionalResponse)),
    field(48, lllvar(numericDigits, { max: 322 }), property(additionalData)),
    field(49, alpha({ length: 3 }), property(currencyCode)),
    field(52, binary({ length: 8 }), property(pinBlock)),
    field(53, numeric({ length: 16 }), property(securityControl)),
    field(54, lllvar(asciiText, { max: 20 }), property(balance)),
    field(55, lllvar(rawBytes, { max: 255 }), property(chipData)),
    field(58, lllvar(rawBytes, { max: 999 }), property(vendorBinaryData)),
    field(59, lllvar(rawBytes, { max: 999 }), property(vendorExtraData)),
    field(60, lllvar(numericDigits, { min: 2, max: 19 }), reservedPrivate),
    field(61, lllvar(numericDigits, { max: 29 }), originalMessage),
    field(62, lllvar(rawBytes, { max: 512 }), reservedBinary),
    field(63, lllvar(gbkText, { max: 163 }), reservedText),
    field(64, binary({ length: 8 }), property(mac)),
  ],
});

/** How a property is written in JSON: text as is, amounts as decimal text, bytes as hex. */
export type ValueKind = 'text' | 'amount' | 'bytes';

/** How `describe` shows a property. */
export type MaskRule =
  'clear' | 'pan' | 'hidden' | 'chip-data' | 'private-data' | 'size-only' | 'text-or-hex';

export interface PropertyInfo {
  readonly kind: ValueKind;
  readonly mask: MaskRule;
}

const clearText: PropertyInfo = { kind: 'text', mask: 'clear' };
const hiddenText: PropertyInfo = { kind: 'text', mask: 'hidden' };
const hiddenBytes: PropertyInfo = { kind: 'bytes', mask: 'hidden' };
const vendorBytes: PropertyInfo = { kind: 'bytes', mask: 'text-or-hex' };

/** Every property of CupMessage; a new property does not compile until it is listed here. */
export const cupProperties: { readonly [K in keyof CupMessage]-?: PropertyInfo } = {
  mti: clearText,
  pan: { kind: 'text', mask: 'pan' },
  processingCode: clearText,
  amountFen: { kind: 'amount', mask: 'clear' },
  stan: clearText,
  localTime: clearText,
  localDate: clearText,
  expiryDate: clearText,
  settlementDate: clearText,
  entryMode: clearText,
  cardSequenceNo: clearText,
  conditionCode: clearText,
  pinCaptureCode: clearText,
  vendorFixedData: vendorBytes,
  acquirerId: clearText,
  track2: hiddenText,
  track3: hiddenText,
  rrn: clearText,
  authorisationCode: clearText,
  responseCode: clearText,
  vendorTextData: vendorBytes,
  terminalId: clearText,
  merchantNo: clearText,
  additionalResponse: clearText,
  additionalData: { kind: 'text', mask: 'private-data' },
  currencyCode: clearText,
  pinBlock: hiddenBytes,
  securityControl: clearText,
  balance: clearText,
  chipData: { kind: 'bytes', mask: 'chip-data' },
  vendorBinaryData: vendorBytes,
  vendorExtraData: vendorBytes,
  transactionTypeCode: clearText,
  batchNo: clearText,
  networkManagementCode: clearText,
  terminalCapability: clearText,
  chipConditionCode: clearText,
  partialApprovalFlag: clearText,
  loyaltyAccountType: clearText,
  reservedTail: clearText,
  originalBatchNo: clearText,
  originalVoucherNo: clearText,
  originalDate: clearText,
  originalTail: clearText,
  workingKeys: hiddenBytes,
  terminalInfo: vendorBytes,
  privateBinary: { kind: 'bytes', mask: 'size-only' },
  operatorNo: clearText,
  cardOrganisation: clearText,
  responseText: clearText,
  mac: hiddenBytes,
};
