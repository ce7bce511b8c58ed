// The terminal's TCP link to the host: connects on demand, sends one frame, waits for one
// answer frame or the reply timeout. Any failure closes the socket, so a late answer is lost.
// Between operations the link is closed (a short connection per operation), or kept open for a
// while when the terminal is set up for a long connection.
import { createConnection, type Socket } from 'node:net';
import { FrameSplitter, unpackFrame, type UnpackedFrame } from '@shoudan/iso8583';

export interface LinkOptions {
  readonly host: string;
  readonly port: number;
  readonly replyTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** How long an idle link stays open after an operation; 0 closes it at once. */
  readonly keepOpenMs: number;
}

export type Exchange =
  | { readonly kind: 'answer'; readonly frame: UnpackedFrame }
  /** A frame arrived that the codec could not read. */
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'closed' };

const FRAME_LENGTH_MAX = 8_192;

interface Waiter {
  readonly socket: Socket;
  readonly timer: NodeJS.Timeout;
  resolve(exchange: Exchange): void;
}

export class Link {
  private readonly options: LinkOptions;
  private socket: Socket | undefined;
  /** The exchange in progress: the socket it waits on, its reply timer and its promise. */
  private waiter: Waiter | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(options: LinkOptions) {
    this.options = options;
  }

  /** Connects unless connected. False when the host cannot be reached: nothing was sent. */
  async open(): Promise<boolean> {
    this.stopIdleTimer();
    if (this.socket !== undefined && !this.socket.destroyed) return true;
    const { host, port, connectTimeoutMs } = this.options;
    return new Promise((resolve) => {
      const socket = createConnection({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, connectTimeoutMs);
      socket.once('error', () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        this.attach(socket);
        resolve(true);
      });
    });
  }

  /** Sends one frame and waits for the next frame back, the timeout or the end of the link. */
  exchange(frame: Uint8Array): Promise<Exchange> {
    const socket = this.socket;
    if (socket === undefined || socket.destroyed) return Promise.resolve({ kind: 'closed' });
    return new Promise((resolve) => {
      const { replyTimeoutMs } = this.options;
      const timer = setTimeout(() => this.finish(socket, { kind: 'timeout' }), replyTimeoutMs);
      this.waiter = { socket, timer, resolve };
      socket.write(frame);
    });
  }

  close(): void {
    this.stopIdleTimer();
    this.socket?.destroy();
    this.socket = undefined;
  }

  /** The operation is over: closes the link, or keeps it open until it has idled for a while. */
  release(): void {
    const { keepOpenMs } = this.options;
    if (keepOpenMs === 0 || this.socket === undefined) {
      this.close();
      return;
    }
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => this.close(), keepOpenMs);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Ends the exchange waiting on `socket`, if there is one. */
  private finish(socket: Socket, exchange: Exchange): void {
    const waiter = this.waiter;
    if (waiter?.socket !== socket) return;
    clearTimeout(waiter.timer);
    this.waiter = undefined;
    if (exchange.kind !== 'answer') this.close();
    waiter.resolve(exchange);
  }

  private attach(socket: Socket): void {
    this.socket = socket;
    socket.setNoDelay(true);
    const splitter = new FrameSplitter({ frameLengthMax: FRAME_LENGTH_MAX });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      this.finish(socket, { kind: 'closed' });
    });
    socket.on('data', (chunk: Buffer) => {
      const frames = splitter.push(chunk);
      if (!frames.ok) {
        this.finish(socket, { kind: 'unreadable' });
        socket.destroy();
        return;
      }
      for (const bytes of frames.value) {
        // A frame nobody waits for (one answer only per request) is dropped.
        const unpacked = unpackFrame(bytes);
        this.finish(
          socket,
          unpacked.ok ? { kind: 'answer', frame: unpacked.value } : { kind: 'unreadable' },
        );
      }
    });
  }
}
