// Which flow answers a request, from its MTI, processing code (3), condition code (25) and the
// message type and network management codes of field 60. What the gateway does not serve yet —
// balance enquiry, the pre-authorisation family, offline notices, downloads — is answered 40.
import type { CupMessage } from '@shoudan/iso8583';

export type Route =
  | 'sign_in'
  | 'sign_off'
  | 'echo_test'
  | 'sale'
  | 'void'
  | 'refund'
  | 'reversal'
  | 'settlement'
  | 'batch_upload'
  | 'unsupported'
  | 'malformed';

const SIGN_IN_CODES: ReadonlySet<string> = new Set(['001', '003', '004', '006']);
const PURCHASE = '000000';
const VOID_OR_REFUND = '200000';
/** 25: normal presentment. Pre-authorisation (06), mail order and vendor values are not served. */
const NORMAL_CONDITION = '00';

export function routeOf(message: CupMessage): Route {
  switch (message.mti) {
    case '0800':
      return SIGN_IN_CODES.has(message.networkManagementCode ?? '') ? 'sign_in' : 'unsupported';
    case '0820':
      if (message.networkManagementCode === '002') return 'sign_off';
      return message.networkManagementCode === '301' ? 'echo_test' : 'unsupported';
    case '0200':
    case '0220':
      return financialRoute(message);
    case '0400':
      return message.batchNo === undefined || message.stan === undefined ? 'malformed' : 'reversal';
    case '0500':
      return 'settlement';
    case '0320':
      return 'batch_upload';
    default:
      return 'unsupported';
  }
}

function financialRoute(message: CupMessage): Route {
  const type = message.transactionTypeCode;
  if (type === undefined || message.processingCode === undefined) return 'malformed';
  if ((message.conditionCode ?? NORMAL_CONDITION) !== NORMAL_CONDITION) return 'unsupported';
  const code = message.processingCode;
  if (message.mti === '0220')
    return type === '25' && code === VOID_OR_REFUND ? 'refund' : 'unsupported';
  if (type === '22' && code === PURCHASE) return 'sale';
  if (type === '23' && code === VOID_OR_REFUND) return 'void';
  return 'unsupported';
}
