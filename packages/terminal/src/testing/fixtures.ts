// Shared set-up for the terminal's tests: a test host and a terminal wired to it, with a fixed
// clock, short reply timeouts, the saved states and the events the terminal reported.
import { createTerminal, type Terminal } from '../terminal.ts';
import type { TerminalState } from '../state.ts';
import type { TerminalEvent, TerminalOptions } from '../types.ts';
import { startTestHost, type TestHost, type TestHostOptions } from './test-host.ts';

/** A double-length TMK whose check value is 08D7B4FB. */
export const TEST_TMK = {
  scheme: '3des',
  clearKeyHex: '0123456789ABCDEFFEDCBA9876543210',
} as const;
export const TEST_TERMINAL_ID = 'T0000001';
export const TEST_MERCHANT_NO = '898310048160001';
export const DEBIT_CARD = '6222020000000001';
export const FOREIGN_CARD = '4111111111111111';

/** A clock the test moves. */
export function testClock(start = '2026-11-25T06:30:52Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => void (now += ms),
  };
}

export interface Rig {
  readonly host: TestHost;
  readonly terminal: Terminal;
  readonly events: TerminalEvent[];
  readonly saved: TerminalState[];
  readonly clock: ReturnType<typeof testClock>;
  /** A second terminal on the same host, from a state (a restart). */
  restart(state: TerminalState): Terminal;
  close(): Promise<void>;
}

export async function startRig(
  host: Partial<TestHostOptions> = {},
  terminal: Partial<TerminalOptions> = {},
): Promise<Rig> {
  const started = await startTestHost({ tmk: TEST_TMK, ...host });
  const events: TerminalEvent[] = [];
  const saved: TerminalState[] = [];
  const clock = testClock();
  const options: TerminalOptions = {
    terminalId: TEST_TERMINAL_ID,
    merchantNo: TEST_MERCHANT_NO,
    merchantName: '收单测试商户',
    tmk: TEST_TMK,
    host: '127.0.0.1',
    port: started.port,
    clock,
    replyTimeoutMs: 300,
    connectTimeoutMs: 1_000,
    persist: (state) => void saved.push(state),
    onEvent: (event) => void events.push(event),
    ...terminal,
  };
  const created = createTerminal(options);
  return {
    host: started,
    terminal: created,
    events,
    saved,
    clock,
    restart: (state) => createTerminal({ ...options, state }),
    close: async () => {
      created.close();
      await started.close();
    },
  };
}
