// The virtual POS bridge: the server-side half of the POS screen in the browser. It keeps one
// simulated terminal per terminal id (device.ts), runs one operation at a time on each, sends
// them through the real 8583 gateway, and answers in the API's shapes. No key leaves it.
import type {
  PosOperation,
  VirtualPosResult,
  VirtualPosScreen,
  VirtualPosTerminal,
} from '@shoudan/contracts';
import type { TerminalKeysStore } from '@shoudan/db';
import type { SlipLanguage } from '@shoudan/terminal';
import { journalEntryOf } from './answers.ts';
import { type Device, type DeviceDeps, OPERATOR_NO, openDevice } from './device.ts';
import * as operations from './operations.ts';
import type { RefundInput, SaleInput, Turn, VoidInput } from './operations.ts';
import { merchantPosTerminals, type PosTerminalRow } from './queries.ts';

export type { RefundInput, SaleInput, VoidInput };

export type VirtualPosDeps = DeviceDeps & {
  /** 主管密码 of every virtual terminal, asked before a void or a refund. */
  readonly supervisorPassword: string;
};

/** Undefined when the terminal vanished from the database (the route answers 404). */
type Answer = Promise<VirtualPosResult | undefined>;

export type VirtualPosBridge = {
  terminals(merchantId: string): Promise<VirtualPosTerminal[]>;
  screen(row: PosTerminalRow): Promise<VirtualPosScreen | undefined>;
  signIn(row: PosTerminalRow, lang: SlipLanguage): Answer;
  signOff(row: PosTerminalRow, lang: SlipLanguage): Answer;
  sale(row: PosTerminalRow, input: SaleInput, lang: SlipLanguage): Answer;
  voidSale(row: PosTerminalRow, input: VoidInput, lang: SlipLanguage): Answer;
  refund(row: PosTerminalRow, input: RefundInput, lang: SlipLanguage): Answer;
  settle(row: PosTerminalRow, lang: SlipLanguage): Answer;
  /** Closes every terminal's link (before the gateway stops). */
  close(): void;
};

const SETTLED_SALES_MAX = 20;
const sixDigits = (n: number) => String(n).padStart(6, '0');

function screenOf(row: PosTerminalRow, device: Device): VirtualPosScreen {
  const status = device.terminal.status();
  const journal = device.terminal.journal();
  const pending = status.pendingReversal;
  return {
    terminalId: row.terminalId,
    merchantNo: device.merchantNo,
    merchantName: device.merchantName,
    terminalStatus: row.status as VirtualPosScreen['terminalStatus'],
    signedIn: status.signedIn,
    batchNo: status.batchNo,
    nextVoucherNo: status.nextVoucherNo,
    operatorNo: OPERATOR_NO,
    pendingReversal:
      pending === undefined ? null : { voucherNo: pending.voucherNo, attempts: pending.attempts },
    journal: journal.filter((tx) => !tx.settled).map(journalEntryOf),
    settledSales: journal
      .filter((tx) => tx.settled && tx.kind === 'sale')
      .reverse()
      .slice(0, SETTLED_SALES_MAX)
      .map(journalEntryOf),
  };
}

/** A terminal not used here since the server started: not signed in, the host's batch. */
async function notYetOpened(
  store: TerminalKeysStore,
  row: PosTerminalRow,
): Promise<VirtualPosScreen | undefined> {
  const known = await store.gatewayTerminal(row.terminalId);
  if (known === undefined) return undefined;
  return {
    terminalId: row.terminalId,
    merchantNo: known.merchantNo,
    merchantName: known.merchantName,
    terminalStatus: row.status as VirtualPosScreen['terminalStatus'],
    signedIn: false,
    batchNo: sixDigits(row.currentBatchNo),
    nextVoucherNo: null,
    operatorNo: OPERATOR_NO,
    pendingReversal: null,
    journal: [],
    settledSales: [],
  };
}

type Work = (turn: Turn) => Promise<VirtualPosResult>;

/** The devices of this process and their turns: one operation at a time per terminal. */
function createRunner(deps: VirtualPosDeps) {
  const devices = new Map<string, Device>();
  const queues = new Map<string, Promise<unknown>>();
  const log = deps.logger.child({ part: 'virtual_pos' });

  function serial<T>(terminalId: string, work: () => Promise<T>): Promise<T> {
    const next = (queues.get(terminalId) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    queues.set(terminalId, tail);
    void tail.then(() => {
      if (queues.get(terminalId) === tail) queues.delete(terminalId);
    });
    return next;
  }

  async function deviceOf(row: PosTerminalRow): Promise<Device | undefined> {
    const known = devices.get(row.terminalId);
    if (known !== undefined) return known;
    const opened = await openDevice(deps, row);
    if (opened !== undefined) devices.set(row.terminalId, opened);
    return opened;
  }

  /** Runs `work` on the terminal's device in its turn, and logs the outcome (no card data). */
  function operate(row: PosTerminalRow, lang: SlipLanguage, work: Work): Answer {
    return serial(row.terminalId, async () => {
      const device = await deviceOf(row);
      if (device === undefined) return undefined;
      const screen = () => screenOf(row, device);
      const { supervisorPassword } = deps;
      const result = await work({ device, lang, screen, supervisorPassword });
      logResult(log, row.terminalId, result);
      return result;
    });
  }

  return { devices, operate };
}

function logResult(
  log: VirtualPosDeps['logger'],
  terminalId: string,
  result: VirtualPosResult,
): void {
  const operation: PosOperation = result.operation;
  log.info({
    event: `virtual_pos.${operation}`,
    terminalId,
    approved: result.approved,
    responseCode: result.responseCode,
    failure: result.failure,
    voucherNo: result.slip?.voucherNo ?? null,
  });
}

export function createVirtualPosBridge(deps: VirtualPosDeps): VirtualPosBridge {
  const { devices, operate } = createRunner(deps);
  return {
    async terminals(merchantId) {
      const rows = await merchantPosTerminals(deps.db, merchantId);
      return rows.map((row) => {
        const status = devices.get(row.terminalId)?.terminal.status();
        return {
          terminalId: row.terminalId,
          serialNo: row.serialNo,
          status: row.status as VirtualPosTerminal['status'],
          usable: row.status !== 'pending_activation',
          signedIn: status?.signedIn ?? false,
          batchNo: status?.batchNo ?? sixDigits(row.currentBatchNo),
        };
      });
    },
    async screen(row) {
      const device = devices.get(row.terminalId);
      return device === undefined ? notYetOpened(deps.store, row) : screenOf(row, device);
    },
    signIn: (row, lang) => operate(row, lang, operations.signIn),
    signOff: (row, lang) => operate(row, lang, operations.signOff),
    sale: (row, input, lang) => operate(row, lang, (turn) => operations.sale(turn, input)),
    voidSale: (row, input, lang) => operate(row, lang, (turn) => operations.voidSale(turn, input)),
    refund: (row, input, lang) => operate(row, lang, (turn) => operations.refund(turn, input)),
    settle: (row, lang) => operate(row, lang, operations.settle),
    close() {
      for (const device of devices.values()) device.terminal.close();
    },
  };
}
