// Public API of @shoudan/terminal: a CUP POS terminal simulator over TCP — sign-in, sale, void,
// refund, settlement with batch upload, reversals, its journal and slips — and its saved state.
export { createTerminal, type Terminal, type TerminalStatus } from './terminal.ts';
export type {
  CardInput,
  Declined,
  Failed,
  FailureReason,
  ListVoidableInput,
  RefundInput,
  SaleInput,
  SettleResult,
  SettleSummary,
  SignInCode,
  SignInResult,
  SignOffResult,
  SlipLanguage,
  SlipOptions,
  TerminalClock,
  TerminalEvent,
  TerminalOptions,
  TransactionKind,
  TransactionRecord,
  TransactionResult,
  VoidInput,
} from './types.ts';
export {
  type AbandonedReversalState,
  freshState,
  type JournalEntryState,
  type PendingReversalState,
  type ReversalReason,
  type TerminalState,
  type WorkingKeysState,
} from './state.ts';
export { type ParsedState, parseTerminalState } from './parse-state.ts';
export { describeFailure, describeResponseCode, explainVoidDecline } from './response-codes.ts';
export {
  formatAmount,
  formatSlip,
  readMark,
  type ReadMark,
  type SlipContext,
  slipDateTime,
} from './slip.ts';
export {
  CHINA_STANDARD_TIME_OFFSET_MINUTES,
  localDateTime,
  localDayRange,
  type LocalDateTime,
} from './local-time.ts';
export type { CardData } from './messages.ts';
export { readCard } from './transactions.ts';
