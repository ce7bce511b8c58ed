// Starts the answer to a request: MTI + 10 and the fields the terminal checks, echoed exactly
// (shared/cup-8583.md §4). The caller adds what the host decides (39, 12, 13, 37, 64 …).
import { fail, type Result, succeed } from './codec-error.ts';
import { isResponseMti } from './spec/cup.ts';
import type { CupMessage } from './spec/cup-message.ts';

type Key = keyof CupMessage;

const RESERVED_PRIVATE: readonly Key[] = [
  'transactionTypeCode',
  'batchNo',
  'networkManagementCode',
  'terminalCapability',
  'chipConditionCode',
  'partialApprovalFlag',
  'loyaltyAccountType',
  'reservedTail',
];

// Financial answers echo the PAN, processing code, amount, trace, expiry and both ids.
const FINANCIAL: readonly Key[] = [
  'pan',
  'processingCode',
  'amountFen',
  'stan',
  'expiryDate',
  'terminalId',
  'merchantNo',
];
const MANAGEMENT: readonly Key[] = ['stan', 'terminalId', 'merchantNo', ...RESERVED_PRIVATE];
const SETTLEMENT: readonly Key[] = [...MANAGEMENT, 'additionalData', 'currencyCode', 'operatorNo'];

function echoedKeys(mti: string): readonly Key[] {
  const messageClass = mti.charAt(1);
  if (messageClass === '8' || messageClass === '3') return MANAGEMENT;
  if (messageClass === '5') return SETTLEMENT;
  return FINANCIAL;
}

/** The PAN the answer must carry: field 2, or the PAN of a clear track 2 when only 35 came. */
function panOf(request: CupMessage): string | undefined {
  if (request.pan !== undefined) return request.pan;
  const tracksEncrypted = request.securityControl?.charAt(2) === '1';
  if (request.track2 === undefined || tracksEncrypted) return undefined;
  const pan = request.track2.split('=')[0] ?? '';
  return /^[0-9]{12,19}$/.test(pan) ? pan : undefined;
}

/**
 * The answer's MTI (request + 10) with the request's echoed fields. Error: `invalid_mti` when
 * the message is itself a response.
 */
export function startResponse(request: CupMessage): Result<CupMessage> {
  const { mti } = request;
  if (!/^[0-9]{4}$/.test(mti) || isResponseMti(mti)) {
    return fail({ fieldPath: ['mti'], reason: 'invalid_mti', detail: 'not a request MTI' });
  }
  const answer: Record<string, unknown> = {
    mti: `${mti.slice(0, 2)}${Number(mti.charAt(2)) + 1}${mti.charAt(3)}`,
  };
  for (const key of echoedKeys(mti)) {
    const value = key === 'pan' ? panOf(request) : request[key];
    if (value !== undefined) answer[key] = value;
  }
  return succeed(answer as unknown as CupMessage);
}
