// The requests a CUP POS terminal sends (shared/cup-8583.md §4), built by meaning: sign-in,
// sign-off, sale, void, refund, the reversal of a sale or void, settlement and batch upload.
import type { CupMessage } from '@shoudan/iso8583';
import type { SignInCode } from './types.ts';

export interface Identity {
  readonly terminalId: string;
  readonly merchantNo: string;
  readonly batchNo: string;
  /** Operator number as field 63 of 08x0/05x0 carries it: 3 characters. */
  readonly operatorNo: string;
}

/** What a card read gives the request: the PAN, or the track it came from. */
export interface CardData {
  readonly pan: string;
  readonly track2?: string;
  readonly expiry?: string;
}

export interface PinData {
  readonly pinBlock: Uint8Array;
}

const CNY = '156';
const FINANCIAL = '000';
/** PIN format 0 with PAN, double-length 3DES, tracks in clear. */
const SECURITY_CONTROL = '2600000000000000';
const PIN_CAPTURE_MAX = '12';

export function signInRequest(id: Identity, stan: string, code: SignInCode): CupMessage {
  return {
    mti: '0800',
    stan,
    terminalId: id.terminalId,
    merchantNo: id.merchantNo,
    transactionTypeCode: '00',
    batchNo: id.batchNo,
    networkManagementCode: code,
    operatorNo: id.operatorNo,
  };
}

export function signOffRequest(id: Identity, stan: string): CupMessage {
  const { terminalId, merchantNo, batchNo } = id;
  return {
    mti: '0820',
    stan,
    terminalId,
    merchantNo,
    transactionTypeCode: '00',
    batchNo,
    networkManagementCode: '002',
  };
}

/**
 * Adds fields 2/35, 14, 22, 26, 52, 53 of a card read with or without PIN to a request being
 * built. Added one by one rather than spread in, so that requests share V8 hidden classes.
 */
function addCardFields(message: Draft, card: CardData, pin: PinData | undefined): CupMessage {
  if (card.track2 === undefined) {
    message.pan = card.pan;
    if (card.expiry !== undefined) message.expiryDate = card.expiry;
  } else {
    message.track2 = card.track2;
  }
  message.entryMode = `${card.track2 === undefined ? '01' : '02'}${pin === undefined ? '2' : '1'}`;
  if (pin !== undefined) {
    message.pinCaptureCode = PIN_CAPTURE_MAX;
    message.pinBlock = pin.pinBlock;
    message.securityControl = SECURITY_CONTROL;
  }
  return message;
}

interface FinancialInput {
  readonly mti: string;
  readonly processingCode: string;
  readonly transactionTypeCode: string;
  readonly stan: string;
  readonly amountFen: bigint;
}

/** A request while its fields are added. */
type Draft = { -readonly [K in keyof CupMessage]: CupMessage[K] };

function financial(id: Identity, input: FinancialInput): Draft {
  return {
    mti: input.mti,
    processingCode: input.processingCode,
    amountFen: input.amountFen,
    stan: input.stan,
    conditionCode: '00',
    terminalId: id.terminalId,
    merchantNo: id.merchantNo,
    currencyCode: CNY,
    transactionTypeCode: input.transactionTypeCode,
    batchNo: id.batchNo,
    networkManagementCode: FINANCIAL,
  };
}

export interface SaleRequestInput {
  readonly stan: string;
  readonly amountFen: bigint;
  readonly card: CardData;
  readonly pin?: PinData;
}

export function saleRequest(id: Identity, input: SaleRequestInput): CupMessage {
  const base = financial(id, {
    mti: '0200',
    processingCode: '000000',
    transactionTypeCode: '22',
    stan: input.stan,
    amountFen: input.amountFen,
  });
  return addCardFields(base, input.card, input.pin);
}

export interface VoidRequestInput extends SaleRequestInput {
  readonly rrn: string;
  readonly authCode?: string;
  readonly originalBatchNo: string;
  readonly originalVoucherNo: string;
}

/** A void from the journal: the card keyed from the original, its RRN, 38 and batch + voucher. */
export function voidRequest(id: Identity, input: VoidRequestInput): CupMessage {
  const base = financial(id, {
    mti: '0200',
    processingCode: '200000',
    transactionTypeCode: '23',
    stan: input.stan,
    amountFen: input.amountFen,
  });
  const message: Draft = addCardFields(base, input.card, input.pin);
  message.rrn = input.rrn;
  if (input.authCode !== undefined) message.authorisationCode = input.authCode;
  message.originalBatchNo = input.originalBatchNo;
  message.originalVoucherNo = input.originalVoucherNo;
  return message;
}

export interface RefundRequestInput {
  readonly stan: string;
  readonly amountFen: bigint;
  readonly card: CardData;
  readonly rrn: string;
  readonly originalDate: string;
}

/** A refund keyed by RRN and date: 61.1 and 61.2 zero-filled, 63 `000`, as most terminals. */
export function refundRequest(id: Identity, input: RefundRequestInput): CupMessage {
  const base = financial(id, {
    mti: '0220',
    processingCode: '200000',
    transactionTypeCode: '25',
    stan: input.stan,
    amountFen: input.amountFen,
  });
  const message: Draft = addCardFields(base, input.card, undefined);
  message.rrn = input.rrn;
  message.originalBatchNo = '000000';
  message.originalVoucherNo = '000000';
  message.originalDate = input.originalDate;
  message.cardOrganisation = '000';
  return message;
}

/** What a reversal repeats of its original (§4): never 35, 36, 52, 26, 53 or 37. */
const REVERSAL_KEYS = [
  'pan',
  'processingCode',
  'amountFen',
  'stan',
  'expiryDate',
  'entryMode',
  'cardSequenceNo',
  'conditionCode',
  'authorisationCode',
  'terminalId',
  'merchantNo',
  'currencyCode',
  'transactionTypeCode',
  'batchNo',
  'terminalCapability',
  'chipConditionCode',
  'originalBatchNo',
  'originalVoucherNo',
  'originalDate',
] as const satisfies readonly (keyof CupMessage)[];

/** The 0400 of a sale or void, without its reason (39) and MAC. */
export function reversalOf(original: CupMessage): CupMessage {
  const message: Record<string, unknown> = { mti: '0400', networkManagementCode: FINANCIAL };
  for (const key of REVERSAL_KEYS) {
    if (original[key] !== undefined) message[key] = original[key];
  }
  return message as unknown as CupMessage;
}

export function settlementRequest(id: Identity, stan: string, totals: string): CupMessage {
  return {
    mti: '0500',
    stan,
    terminalId: id.terminalId,
    merchantNo: id.merchantNo,
    additionalData: totals,
    currencyCode: CNY,
    transactionTypeCode: '00',
    batchNo: id.batchNo,
    networkManagementCode: '201',
    operatorNo: id.operatorNo,
  };
}

/** A batch-upload 0320: magstripe records (`201`) or the end of the upload (`202`/`207`). */
export function uploadRequest(
  id: Identity,
  stan: string,
  upload: { readonly code: '201' | '202' | '207'; readonly data: string },
): CupMessage {
  return {
    mti: '0320',
    stan,
    terminalId: id.terminalId,
    merchantNo: id.merchantNo,
    additionalData: upload.data,
    transactionTypeCode: '00',
    batchNo: id.batchNo,
    networkManagementCode: upload.code,
  };
}
