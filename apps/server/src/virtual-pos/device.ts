// One simulated terminal of the virtual POS, opened on its first use in this process: a fresh
// terminal master key loaded through the security module (as `shoudan terminal keys` does), a
// @shoudan/terminal instance over TCP to this process's gateway, and numbers that go on from the
// database's.
//
// Key handling: the clear TMK exists only here, in this process's memory, inside the terminal
// object (as a real terminal holds it after key injection). It is never written to a file or the
// database in clear, never logged and never answered. Loading a fresh TMK rather than reading the
// demo key-loading file (terminal-keys.json) works the same with `--memory` and PostgreSQL and
// keeps clear keys off the disk; the cost is that the file's entry for a terminal used here no
// longer matches (`shoudan pos` on it needs `shoudan terminal keys` again).
import type { Clock } from '@shoudan/core';
import type { Db, TerminalKeysStore } from '@shoudan/db';
import type { SecurityModule } from '@shoudan/hsm';
import { createTerminal, freshState, type Terminal, type TerminalEvent } from '@shoudan/terminal';
import { loadTerminalMasterKeys } from '../keys/key-loading.ts';
import type { Logger } from '../logger.ts';
import { lastVoucherNo } from './queries.ts';

export type DeviceDeps = {
  readonly db: Db;
  readonly store: TerminalKeysStore;
  readonly hsm: SecurityModule;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The gateway of this process. */
  readonly host: string;
  readonly port: number;
  readonly replyTimeoutMs: number;
  readonly connectTimeoutMs: number;
};

export type Device = {
  readonly terminal: Terminal;
  readonly merchantNo: string;
  readonly merchantName: string;
};

const VOUCHER_NO_MAX = 999_999;
/** 操作员号 of every virtual terminal (the slip prints it). */
export const OPERATOR_NO = '01';

const sixDigits = (n: number) => String(n).padStart(6, '0');

/**
 * The terminal, ready to sign in. Its batch is the host's current one and its first voucher
 * number follows the last one the host recorded for it: a terminal opened again after a restart
 * must not send a voucher number the host already holds (it would be taken as a retransmission).
 */
export async function openDevice(
  deps: DeviceDeps,
  target: { readonly terminalId: string; readonly currentBatchNo: number },
): Promise<Device | undefined> {
  const { terminalId } = target;
  const known = await deps.store.gatewayTerminal(terminalId);
  if (known === undefined) return undefined;
  const entries = await loadTerminalMasterKeys(
    { hsm: deps.hsm, store: deps.store, clock: deps.clock },
    [{ terminalId }],
  );
  const entry = entries[terminalId];
  if (entry === undefined) return undefined;
  const log = deps.logger.child({ part: 'virtual_pos', terminalId });
  log.info({ event: 'virtual_pos.tmk_loaded', kcv: entry.kcv });
  const last = await lastVoucherNo(deps.db, terminalId);
  const state = {
    ...freshState(),
    batchNo: sixDigits(target.currentBatchNo),
    nextVoucherNo: sixDigits(last >= VOUCHER_NO_MAX ? 1 : last + 1),
  };
  const terminal = createTerminal({
    terminalId,
    merchantNo: entry.merchantNo,
    merchantName: entry.merchantName,
    tmk: { scheme: entry.scheme, clearKeyHex: entry.clearKeyHex },
    macAlgorithm: entry.macAlgorithm,
    host: deps.host,
    port: deps.port,
    clock: deps.clock,
    state,
    replyTimeoutMs: deps.replyTimeoutMs,
    connectTimeoutMs: deps.connectTimeoutMs,
    operatorNo: OPERATOR_NO,
    onEvent: (event) => logEvent(log, event),
  });
  return { terminal, merchantNo: entry.merchantNo, merchantName: entry.merchantName };
}

/** Reversals and repeated sign-ins, for the operator; the events carry no card data. */
function logEvent(log: Logger, event: TerminalEvent): void {
  const level = event.type === 'reversal.abandoned' ? 'warn' : 'info';
  const { type, ...facts } = event;
  log[level]({ event: `virtual_pos.${type}`, ...facts });
}
