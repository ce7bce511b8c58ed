// The virtual POS (虚拟POS): a merchant user drives a simulated terminal of their own merchant
// through the 8583 gateway. A transaction the host declines is an answer (200), not an error.
// Amounts are integer fen as decimal strings, as everywhere in the API; card numbers come back
// masked 6+4 only.
import { z } from 'zod';
import { Fen, listOf, TerminalIdParam } from './common.ts';

/** Field 4 is n12: 1 to 12 digits of fen. */
export const PosAmountFen = z
  .string()
  .regex(/^[1-9][0-9]{0,11}$/, 'a positive whole number of fen (at most 12 digits), as a string');
export type PosAmountFen = z.infer<typeof PosAmountFen>;

export const VirtualPosParams = z.object({ terminalId: TerminalIdParam });
export type VirtualPosParams = z.infer<typeof VirtualPosParams>;

/** A terminal the merchant may drive here: `usable` unless it was never activated. */
export const VirtualPosTerminal = z.object({
  terminalId: z.string(),
  serialNo: z.string(),
  status: z.enum(['pending_activation', 'active', 'frozen', 'deactivated']),
  usable: z.boolean(),
  /** Signed in through the virtual POS since the server started. */
  signedIn: z.boolean(),
  batchNo: z.string(),
});
export type VirtualPosTerminal = z.infer<typeof VirtualPosTerminal>;

export const VirtualPosTerminalList = listOf(VirtualPosTerminal);
export type VirtualPosTerminalList = z.infer<typeof VirtualPosTerminalList>;

export const PosTransactionKind = z.enum(['sale', 'void', 'refund']);
export type PosTransactionKind = z.infer<typeof PosTransactionKind>;

/** One entry of the terminal's journal (its own record, as a real POS keeps it). */
export const PosJournalEntry = z.object({
  kind: PosTransactionKind,
  batchNo: z.string(),
  voucherNo: z.string(),
  /** When the terminal received the approval (ISO instant). */
  at: z.string(),
  amountFen: Fen,
  maskedPan: z.string(),
  rrn: z.string(),
  /** The host's date of the transaction, MMDD (原交易日期 for a refund). */
  hostDate: z.string().nullable(),
  /** A sale that was voided: the void's voucher number. */
  voidedByVoucherNo: z.string().nullable(),
  /** A void: the sale it voided. */
  originalVoucherNo: z.string().nullable(),
  /** A sale of the open batch not voided yet (the "by time" void list). */
  voidable: z.boolean(),
});
export type PosJournalEntry = z.infer<typeof PosJournalEntry>;

/** The screen's state: who the terminal is, signed in or not, its batch and open journal. */
export const VirtualPosScreen = z.object({
  terminalId: z.string(),
  merchantNo: z.string(),
  merchantName: z.string(),
  terminalStatus: VirtualPosTerminal.shape.status,
  signedIn: z.boolean(),
  batchNo: z.string(),
  /** Null until the terminal is first used here since the server started. */
  nextVoucherNo: z.string().nullable(),
  operatorNo: z.string(),
  /** A reversal the terminal will send before its next request. */
  pendingReversal: z.object({ voucherNo: z.string(), attempts: z.number().int() }).nullable(),
  /** The open batch, oldest first. */
  journal: z.array(PosJournalEntry),
  /** Sales of settled batches, newest first (at most 20), to pick an original for a refund. */
  settledSales: z.array(PosJournalEntry),
});
export type VirtualPosScreen = z.infer<typeof VirtualPosScreen>;

/** The 签购单 of an approved transaction, field by field. */
export const PosSlip = z.object({
  merchantName: z.string(),
  merchantNo: z.string(),
  terminalId: z.string(),
  operatorNo: z.string(),
  /** First 6 and last 4 digits only. */
  maskedPan: z.string(),
  /** How the card was read: M keyed, S swiped, C chip. */
  entryMark: z.enum(['M', 'S', 'C']),
  kind: PosTransactionKind,
  batchNo: z.string(),
  voucherNo: z.string(),
  rrn: z.string(),
  authCode: z.string().nullable(),
  /** `YYYY/MM/DD hh:mm:ss` as printed (the host's date and time). */
  dateTime: z.string(),
  amountFen: Fen,
  originalVoucherNo: z.string().nullable(),
  originalRrn: z.string().nullable(),
  originalDate: z.string().nullable(),
  /** 63.2 of the answer, when the host sent one. */
  note: z.string().nullable(),
});
export type PosSlip = z.infer<typeof PosSlip>;

export const PosCardTotals = z.object({
  debitCount: z.number().int(),
  debitAmountFen: Fen,
  creditCount: z.number().int(),
  creditAmountFen: Fen,
  /** The host's totals agree with the terminal's. */
  balanced: z.boolean(),
});
export type PosCardTotals = z.infer<typeof PosCardTotals>;

export const PosSettlement = z.object({
  batchNo: z.string(),
  nextBatchNo: z.string(),
  domestic: PosCardTotals,
  foreign: PosCardTotals,
  uploadedCount: z.number().int(),
});
export type PosSettlement = z.infer<typeof PosSettlement>;

export const PosOperation = z.enum(['sign_in', 'sign_off', 'sale', 'void', 'refund', 'settle']);
export type PosOperation = z.infer<typeof PosOperation>;

/**
 * What the POS screen shows after an operation. `responseCode` is field 39 when the host
 * answered; `failure` names what the terminal itself refused or could not do (not signed in,
 * already voided, wrong supervisor password, no answer …). Texts are in the caller's language.
 */
export const VirtualPosResult = z.object({
  operation: PosOperation,
  approved: z.boolean(),
  responseCode: z.string().nullable(),
  failure: z.string().nullable(),
  message: z.string(),
  /** What the cashier should do next (e.g. use 退货 after the cutoff). */
  hint: z.string().nullable(),
  /** A reversal is stored and goes before the next request. */
  reversalPending: z.boolean(),
  slip: PosSlip.nullable(),
  settlement: PosSettlement.nullable(),
  screen: VirtualPosScreen,
});
export type VirtualPosResult = z.infer<typeof VirtualPosResult>;

/** As a card reader reads it: a keyed card number, or a swiped track 2 (`PAN=YYMM…`). */
export const PosCardNo = z
  .string()
  .regex(/^[0-9]{13,19}(?:=[0-9]{0,20})?$/, '13 to 19 digits, or a track 2');

const Pin = z.string().regex(/^[0-9]{4,12}$/, '4 to 12 digits');
const SupervisorPassword = z.string().min(1).max(12);

export const VirtualPosSaleRequest = z.object({
  amountFen: PosAmountFen,
  cardNo: PosCardNo,
  /** YYMM, for a keyed card number. */
  expiry: z
    .string()
    .regex(/^[0-9]{4}$/, 'YYMM')
    .optional(),
  pin: Pin.optional(),
});
export type VirtualPosSaleRequest = z.infer<typeof VirtualPosSaleRequest>;

export const VirtualPosVoidRequest = z.object({
  /** 原凭证号, 1 to 6 digits. */
  voucherNo: z.string().regex(/^[0-9]{1,6}$/, '1 to 6 digits'),
  supervisorPassword: SupervisorPassword,
  pin: Pin.optional(),
});
export type VirtualPosVoidRequest = z.infer<typeof VirtualPosVoidRequest>;

export const VirtualPosRefundRequest = z.object({
  cardNo: PosCardNo,
  /** 原参考号 (RRN) from the original's slip. */
  originalReferenceNo: z.string().regex(/^[0-9A-Za-z]{12}$/, '12 characters'),
  /** 原交易日期 MMDD. */
  originalDate: z.string().regex(/^(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])$/, 'a date as MMDD'),
  amountFen: PosAmountFen,
  supervisorPassword: SupervisorPassword,
});
export type VirtualPosRefundRequest = z.infer<typeof VirtualPosRefundRequest>;
