// One terminal connection: frames split from the byte stream with a bounded buffer, requests
// answered one at a time in arrival order, each within a deadline; reading pauses while frames
// wait or the socket's write buffer is full, and resumes on drain. Idle connections are closed.
import type { Socket } from 'node:net';
import { FrameSplitter } from '@shoudan/iso8583';
import type { Logger } from '../logger.ts';
import { handleFrame } from './handle-frame.ts';
import type { GatewayContext } from './types.ts';

/** Whole frames waiting for their turn before reading pauses (the read buffer's bound). */
export const QUEUED_FRAMES_MAX = 4;

export type Connection = {
  /** Stops after the request in progress (if any) is answered; resolves when closed. */
  shutdown(): Promise<void>;
  /** Closes at once. */
  destroy(): void;
};

type State = {
  readonly queue: Uint8Array[];
  busy: boolean;
  closing: boolean;
  readonly deadline: Deadline;
};

export function serveConnection(socket: Socket, deps: GatewayContext, log: Logger): Connection {
  const { config } = deps;
  const splitter = new FrameSplitter({ frameLengthMax: config.gatewayFrameLengthMax });
  const close: Close = (event, fields = {}) => {
    // Idleness is routine; the other reasons are trouble worth a look (warn).
    const level = event === 'connection.idle_closed' ? 'info' : 'warn';
    if (!socket.destroyed) log[level]({ event, ...fields });
    socket.destroy();
  };
  const timeoutMs = config.gatewayMessageTimeoutMs;
  // No late answer: the terminal has given up and will reverse; a late approval could contradict
  // that. Closing also drops any request queued behind this one.
  const deadline = new Deadline(timeoutMs, () => close('message.deadline_exceeded', { timeoutMs }));
  const state: State = { queue: [], busy: false, closing: false, deadline };
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      deadline.dispose();
      resolve();
    }),
  );
  socket.setNoDelay(true);
  socket.setTimeout(config.gatewayIdleTimeoutMs);
  socket.on('timeout', () => {
    // A request in progress has its own deadline; idleness is about the terminal.
    if (!state.busy) close('connection.idle_closed');
  });
  socket.on('error', (err) => log.debug({ event: 'connection.error', code: errorCode(err) }));
  socket.on('data', (chunk: Buffer) => {
    const frames = splitter.push(chunk);
    if (!frames.ok) {
      close('connection.frame_too_large', { detail: frames.error.detail });
      return;
    }
    state.queue.push(...frames.value);
    if (state.queue.length >= QUEUED_FRAMES_MAX) socket.pause();
    if (!state.busy) {
      work(socket, deps, log, state, close).catch((err: unknown) => {
        // handleFrame answers every failure itself; reaching here is a defect of this file.
        log.error({ event: 'connection.failed', err }, 'connection loop failed');
        socket.destroy();
      });
    }
  });
  socket.on('drain', () => resumeReading(socket, state));
  return {
    shutdown: () => {
      state.closing = true;
      if (!state.busy) socket.destroy();
      return closed;
    },
    destroy: () => socket.destroy(),
  };
}

type Close = (event: string, fields?: Record<string, unknown>) => void;

async function work(
  socket: Socket,
  deps: GatewayContext,
  log: Logger,
  state: State,
  close: Close,
): Promise<void> {
  state.busy = true;
  try {
    while (!socket.destroyed) {
      const frame = state.queue.shift();
      if (frame === undefined) break;
      state.deadline.start();
      const result = await handleFrame(deps, frame, log);
      // Past its deadline the connection was closed (see Deadline): nothing more to do.
      if (!state.deadline.stop()) return;
      if (result.kind === 'close') {
        close('connection.closed_unreadable', { reason: result.reason });
        return;
      }
      if (socket.destroyed) break;
      if (!socket.write(result.bytes)) await drained(socket);
      if (state.closing) break;
    }
  } finally {
    state.busy = false;
  }
  if (state.closing) socket.destroy();
  else resumeReading(socket, state);
}

/** The terminal is not reading: stop reading from it until its buffer drains (or it closes). */
async function drained(socket: Socket): Promise<void> {
  socket.pause();
  if (socket.destroyed || !socket.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

function resumeReading(socket: Socket, state: State): void {
  if (socket.destroyed || socket.writableNeedDrain) return;
  if (state.queue.length < QUEUED_FRAMES_MAX) socket.resume();
}

/**
 * The deadline of the request being answered: `onExpired` runs when one has taken `timeoutMs`.
 * One timer per connection, re-armed (`refresh`) as each request starts and left running after,
 * in place of a timer, a promise and a race per request: requests are answered one at a time,
 * so when the timer fires it is the latest request's deadline, missed if that is still running.
 */
class Deadline {
  private readonly timeoutMs: number;
  private readonly onExpired: () => void;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(timeoutMs: number, onExpired: () => void) {
    this.timeoutMs = timeoutMs;
    this.onExpired = onExpired;
  }

  start(): void {
    this.running = true;
    if (this.timer === undefined) this.timer = setTimeout(() => this.fire(), this.timeoutMs);
    else this.timer.refresh();
  }

  /** Ends the request's deadline; false when it had already passed. */
  stop(): boolean {
    const inTime = this.running;
    this.running = false;
    return inTime;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private fire(): void {
    if (!this.running) return;
    this.running = false;
    this.onExpired();
  }
}

function errorCode(err: Error): string {
  return (err as NodeJS.ErrnoException).code ?? err.name;
}
