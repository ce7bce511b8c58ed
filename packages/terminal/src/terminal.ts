// createTerminal: a CUP POS terminal over TCP. Runs one operation at a time, closes its link
// after each, signs in again when an answer asks for it, and exposes its state to be saved.
import type { SettlementTotals } from '@shoudan/iso8583';
import { type Context, DEFAULT_HEADER, DEFAULT_TPDU, type Settings } from './context.ts';
import { batchTotals, openEntries, voidableSales } from './journal.ts';
import { Link } from './link.ts';
import { CHINA_STANDARD_TIME_OFFSET_MINUTES, localDayRange } from './local-time.ts';
import { flushReversal } from './reversal.ts';
import { settle } from './settle.ts';
import { defaultSignInCode, signIn, signInIfRequested, signOff } from './sign-in.ts';
import { formatSlip } from './slip.ts';
import {
  fromState,
  freshState,
  type ReversalReason,
  type TerminalState,
  toRecord,
  toState,
} from './state.ts';
import { refund, sale, voidSale } from './transactions.ts';
import type {
  ListVoidableInput,
  RefundInput,
  SaleInput,
  SettleResult,
  SignInCode,
  SignInResult,
  SignOffResult,
  SlipOptions,
  TerminalOptions,
  TransactionRecord,
  TransactionResult,
  VoidInput,
} from './types.ts';

export interface TerminalStatus {
  readonly signedIn: boolean;
  readonly batchNo: string;
  readonly nextVoucherNo: string;
  readonly pendingReversal?: {
    readonly voucherNo: string;
    readonly reason: ReversalReason;
    readonly attempts: number;
  };
  readonly abandonedReversals: number;
}

export interface Terminal {
  readonly terminalId: string;
  /** 签到; the code defaults to the last one used, else `001`/`003` by the TMK's length. */
  signIn(code?: SignInCode): Promise<SignInResult>;
  /** 签退, after sending a pending reversal. */
  signOff(): Promise<SignOffResult>;
  sale(input: SaleInput): Promise<TransactionResult>;
  voidSale(input: VoidInput): Promise<TransactionResult>;
  refund(input: RefundInput): Promise<TransactionResult>;
  settle(): Promise<SettleResult>;
  /** Sales of the open batch, not voided, approved in the range (default: today, local time). */
  listVoidable(range?: ListVoidableInput): TransactionRecord[];
  /** The journal, oldest first (settled batches for reprints, then the open one). */
  journal(): TransactionRecord[];
  /** The journal's totals of the open batch, as settlement will send them. */
  openBatchTotals(): SettlementTotals;
  printSlip(tx: TransactionRecord, options: SlipOptions): string;
  status(): TerminalStatus;
  /** Everything to restore the terminal with (`createTerminal({ state })`). */
  state(): TerminalState;
  /** Closes the link; operations still queued will reconnect. */
  close(): void;
}

const DEFAULTS = {
  replyTimeoutMs: 60_000,
  connectTimeoutMs: 10_000,
  reversalAttemptsMax: 3,
  operatorNo: '01',
  macAlgorithm: 'cup-ecb',
} as const;

function settingsOf(options: TerminalOptions): Settings {
  return {
    terminalId: options.terminalId,
    merchantNo: options.merchantNo,
    merchantName: options.merchantName ?? '',
    tmk: options.tmk,
    macAlgorithm: options.macAlgorithm ?? DEFAULTS.macAlgorithm,
    reversalAttemptsMax: options.reversalAttemptsMax ?? DEFAULTS.reversalAttemptsMax,
    operatorNo: (options.operatorNo ?? DEFAULTS.operatorNo).padEnd(3, ' ').slice(0, 3),
    utcOffsetMinutes: options.utcOffsetMinutes ?? CHINA_STANDARD_TIME_OFFSET_MINUTES,
    tpdu: options.tpdu ?? DEFAULT_TPDU,
    header: options.header ?? DEFAULT_HEADER,
  };
}

function statusOf(context: Context): TerminalStatus {
  const { memory } = context;
  const pending = memory.pendingReversal;
  return {
    signedIn: memory.workingKeys !== undefined,
    batchNo: memory.batchNo,
    nextVoucherNo: memory.nextVoucherNo,
    ...(pending === undefined
      ? {}
      : {
          pendingReversal: {
            voucherNo: pending.message.stan ?? '',
            reason: pending.reason,
            attempts: pending.attempts,
          },
        }),
    abandonedReversals: memory.abandonedReversals.length,
  };
}

/** A terminal; nothing is sent until an operation is called. */
export function createTerminal(options: TerminalOptions): Terminal {
  const context: Context = {
    settings: settingsOf(options),
    options,
    memory: fromState(options.state ?? freshState()),
    link: new Link({
      host: options.host,
      port: options.port,
      replyTimeoutMs: options.replyTimeoutMs ?? DEFAULTS.replyTimeoutMs,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      keepOpenMs: options.keepLinkOpenMs ?? 0,
    }),
    signInRequested: false,
  };
  let queue: Promise<unknown> = Promise.resolve();
  /** One request at a time: each operation waits for the one before it. */
  const serial = <T>(work: () => Promise<T>, followUp = true): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;

    // A declaration, not a closure in a const: under tsx (esbuild keepNames) a closure kept in a
    // const is named with Object.defineProperty each time it is made, ~0.3 µs per operation.
    async function run(): Promise<T> {
      try {
        const result = await work();
        if (followUp) await signInIfRequested(context);
        return result;
      } finally {
        context.link.release();
      }
    }
  };
  return {
    terminalId: options.terminalId,
    signIn: (code) => serial(() => signIn(context, code ?? defaultSignInCode(context)), false),
    signOff: () => serial(async () => (await flushReversal(context)) ?? signOff(context), false),
    sale: (input) => serial(() => sale(context, input)),
    voidSale: (input) => serial(() => voidSale(context, input)),
    refund: (input) => serial(() => refund(context, input)),
    settle: () => serial(() => settle(context)),
    listVoidable: (range) => {
      const today = localDayRange(options.clock.now(), context.settings.utcOffsetMinutes);
      return voidableSales(context.memory.journal, range ?? today).map(toRecord);
    },
    journal: () => context.memory.journal.map(toRecord),
    openBatchTotals: () => batchTotals(openEntries(context.memory.journal)),
    printSlip: (tx, slip) => formatSlip(tx, { ...context.settings, lang: slip.lang }),
    status: () => statusOf(context),
    state: () => toState(context.memory),
    close: () => context.link.close(),
  };
}
