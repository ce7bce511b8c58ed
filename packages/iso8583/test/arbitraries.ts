// fast-check arbitraries of CUP POS messages and frames, valid by construction, for properties.
import fc from 'fast-check';
import type { CupHeader, CupMessage, Frame, Tpdu } from '../src/index.ts';

const DIGITS = '0123456789';
const HEX = '0123456789ABCDEF';
const TRACK = '0123456789ABC=EF';
const CHINESE = '工商银行已结算请使用退货中国银联，。';

function charsFrom(alphabet: string): fc.Arbitrary<string> {
  return fc.constantFrom(...alphabet.split(''));
}

export function digits(minLength: number, maxLength = minLength): fc.Arbitrary<string> {
  return fc.string({ unit: charsFrom(DIGITS), minLength, maxLength });
}

function hexText(length: number): fc.Arbitrary<string> {
  return fc.string({ unit: charsFrom(HEX), minLength: length, maxLength: length });
}

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));

/** Printable ASCII; `trimmed` drops trailing spaces, which fixed fields do not keep. */
function ascii(maxLength: number, trimmed = false, minLength = 0): fc.Arbitrary<string> {
  const text = fc.string({ unit: printable, minLength, maxLength });
  return trimmed ? text.map((value) => value.replace(/ +$/, '')) : text;
}

const gbkChar = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
  charsFrom(CHINESE),
);

function gbkText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: gbkChar, minLength, maxLength });
}

function bytes(minLength: number, maxLength = minLength): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ minLength, maxLength });
}

/** Sub-fields laid end to end: a prefix of `parts`, then a tail shorter than the next part. */
function subFields(
  widths: readonly number[],
  lastTailMax: number,
  minParts: number,
): fc.Arbitrary<{ parts: string[]; tail: string | null | undefined }> {
  return fc.integer({ min: minParts, max: widths.length }).chain((count) => {
    const tailMax = count === widths.length ? lastTailMax : (widths[count] ?? 1) - 1;
    const tailMin = count === 0 ? 0 : 1;
    const tail = tailMax < tailMin ? fc.constant(undefined) : fc.option(digits(tailMin, tailMax));
    const parts = widths.slice(0, count).map((width) => digits(width));
    return fc.record({ parts: fc.tuple(...parts), tail });
  });
}

const RESERVED_KEYS = [
  'transactionTypeCode',
  'batchNo',
  'networkManagementCode',
  'terminalCapability',
  'chipConditionCode',
  'partialApprovalFlag',
  'loyaltyAccountType',
] as const;
const ORIGINAL_KEYS = ['originalBatchNo', 'originalVoucherNo', 'originalDate'] as const;

const reservedPrivate = fc.option(subFields([2, 6, 3, 1, 1, 1, 3], 2, 1)).map((value) => {
  if (value === null) return {};
  const out: Record<string, string> = {};
  value.parts.forEach((part, index) => (out[RESERVED_KEYS[index] ?? 'x'] = part));
  if (typeof value.tail === 'string') out['reservedTail'] = value.tail;
  return out;
});

const originalMessage = fc.option(subFields([6, 6, 4], 13, 0)).map((value) => {
  if (value === null) return {};
  const out: Record<string, string> = {};
  value.parts.forEach((part, index) => (out[ORIGINAL_KEYS[index] ?? 'x'] = part));
  if (typeof value.tail === 'string') out['originalTail'] = value.tail;
  else if (value.parts.length === 0) out['originalTail'] = '';
  return out;
});

export const mtiArbitrary = fc.constantFrom(
  '0100',
  '0110',
  '0200',
  '0210',
  '0220',
  '0230',
  '0320',
  '0330',
  '0400',
  '0410',
  '0500',
  '0510',
  '0620',
  '0800',
  '0810',
  '0820',
  '0830',
);

function classFields(mti: string): fc.Arbitrary<Record<string, unknown>> {
  const messageClass = mti.charAt(1);
  const response = Number(mti.charAt(2)) % 2 === 1;
  const key62 = messageClass !== '8' ? 'privateBinary' : response ? 'workingKeys' : 'terminalInfo';
  const binary62 = fc
    .option(bytes(0, 80))
    .map((value) => (value === null ? {} : { [key62]: value }));
  const text63 =
    messageClass === '8' || messageClass === '5'
      ? fc.option(gbkText(0, 60)).map((value) => (value === null ? {} : { operatorNo: value }))
      : fc.option(fc.tuple(gbkText(0, 3), fc.option(gbkText(1, 50)))).map((value) => {
          if (value === null) return {};
          const [head, text] = value;
          if (text === null || head.length < 3) return { cardOrganisation: head };
          return { cardOrganisation: head, responseText: text };
        });
  return fc.tuple(binary62, text63).map(([left, right]) => ({ ...left, ...right }));
}

const optionalFields = fc.record(
  {
    pan: digits(1, 19),
    processingCode: digits(6),
    amountFen: fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    stan: digits(6),
    localTime: digits(6),
    localDate: digits(4),
    expiryDate: digits(4),
    settlementDate: digits(4),
    entryMode: digits(3),
    cardSequenceNo: digits(3),
    conditionCode: digits(2),
    pinCaptureCode: digits(2),
    vendorFixedData: bytes(8),
    acquirerId: digits(0, 11),
    track2: fc.string({ unit: charsFrom(TRACK), maxLength: 37 }),
    track3: fc.string({ unit: charsFrom(TRACK), maxLength: 104 }),
    rrn: ascii(12, true),
    authorisationCode: ascii(6, true),
    responseCode: ascii(2, true),
    vendorTextData: bytes(0, 40),
    terminalId: ascii(8, true),
    merchantNo: ascii(15, true),
    additionalResponse: ascii(25),
    additionalData: digits(0, 322),
    currencyCode: ascii(3, true),
    pinBlock: bytes(8),
    securityControl: digits(16),
    balance: ascii(20),
    chipData: bytes(0, 255),
    vendorBinaryData: bytes(0, 40),
    vendorExtraData: bytes(0, 40),
    mac: bytes(8),
  },
  { requiredKeys: [] },
);

export const messageArbitrary: fc.Arbitrary<CupMessage> = mtiArbitrary.chain((mti) =>
  fc
    .tuple(optionalFields, reservedPrivate, originalMessage, classFields(mti))
    .map(([fields, reserved, original, byClass]) => ({
      mti,
      ...fields,
      ...reserved,
      ...original,
      ...byClass,
    })),
);

export const tpduArbitrary: fc.Arbitrary<Tpdu> = fc.record({
  id: hexText(2),
  destination: hexText(4),
  source: hexText(4),
});

export const headerArbitrary: fc.Arbitrary<CupHeader> = fc.record({
  applicationClass: hexText(2),
  softwareVersion: hexText(2),
  terminalStatus: hexText(1),
  processingRequest: hexText(1),
  softwareSubVersion: hexText(6),
});

export const frameArbitrary: fc.Arbitrary<Frame> = fc.record({
  tpdu: tpduArbitrary,
  header: headerArbitrary,
  message: messageArbitrary,
});
