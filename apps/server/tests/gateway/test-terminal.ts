// A small POS terminal for the gateway tests, over real TCP: keeps its batch and voucher numbers
// and working keys as a terminal does, builds CUP requests with @shoudan/iso8583, MACs and PIN
// blocks with the terminal-side helpers of @shoudan/hsm, and checks the answers' MACs.
import { connect, type Socket } from 'node:net';
import {
  encryptPinBlock,
  generateTerminalMac,
  readSignInKeys,
  verifyTerminalMac,
  type ClearKey,
  type MacAlgorithm,
  type TerminalWorkingKeys,
} from '@shoudan/hsm';
import {
  FrameSplitter,
  packFrame,
  unpackFrame,
  type CupHeader,
  type CupMessage,
  type Tpdu,
  type UnpackedFrame,
} from '@shoudan/iso8583';

export const TPDU: Tpdu = { id: '60', destination: '0003', source: '0000' };
export const HEADER: CupHeader = {
  applicationClass: '60',
  softwareVersion: '31',
  terminalStatus: '0',
  processingRequest: '0',
  softwareSubVersion: '000000',
};

export type Answer = {
  readonly bytes: Uint8Array;
  readonly frame: UnpackedFrame;
  readonly message: CupMessage;
  /** The answer's MAC checked with this terminal's MAK; null when it carried none. */
  readonly macValid: boolean | null;
};

export type TerminalOptions = {
  readonly port: number;
  readonly terminalId: string;
  readonly merchantNo: string;
  readonly tmk: ClearKey;
  readonly macAlgorithm?: MacAlgorithm;
};

const ANSWER_WAIT_MS = 10_000;

/** A raw connection: frames out, whole frames (or the close) back. */
export class Line {
  private readonly socket: Socket;
  private readonly splitter = new FrameSplitter({ frameLengthMax: 65_535 });
  private readonly frames: Uint8Array[] = [];
  private waiters: ((frame: Uint8Array | 'closed') => void)[] = [];
  closed = false;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      const split = this.splitter.push(chunk);
      if (!split.ok) throw new Error('the gateway sent an oversized frame');
      for (const frame of split.value) this.deliver(frame);
    });
    socket.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiters.splice(0)) waiter('closed');
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<Line> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new Line(socket)));
      socket.once('error', reject);
    });
  }

  private deliver(frame: Uint8Array): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(frame);
    else this.frames.push(frame);
  }

  write(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** The next frame from the gateway, or 'closed'; 'silent' after `waitMs` without either. */
  next(waitMs = ANSWER_WAIT_MS): Promise<Uint8Array | 'closed' | 'silent'> {
    const queued = this.frames.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve('closed');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== settle);
        resolve('silent');
      }, waitMs);
      const settle = (frame: Uint8Array | 'closed') => {
        clearTimeout(timer);
        resolve(frame);
      };
      this.waiters.push(settle);
    });
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  close(): void {
    this.socket.destroy();
  }
}

export class TestTerminal {
  readonly terminalId: string;
  readonly merchantNo: string;
  readonly tmk: ClearKey;
  readonly macAlgorithm: MacAlgorithm;
  batchNo = 1;
  voucherNo = 0;
  keys: TerminalWorkingKeys | undefined;
  header: CupHeader = HEADER;
  private connection: Line | undefined;
  private readonly port: number;

  constructor(options: TerminalOptions) {
    this.port = options.port;
    this.terminalId = options.terminalId;
    this.merchantNo = options.merchantNo;
    this.tmk = options.tmk;
    this.macAlgorithm = options.macAlgorithm ?? 'cup-ecb';
  }

  nextStan(): string {
    this.voucherNo = this.voucherNo >= 999_999 ? 1 : this.voucherNo + 1;
    return String(this.voucherNo).padStart(6, '0');
  }

  get batch(): string {
    return String(this.batchNo).padStart(6, '0');
  }

  /** Field 41, 42 and 60 (type code, batch, network management code) of a request. */
  ids(transactionTypeCode: string, networkManagementCode = '000') {
    return {
      terminalId: this.terminalId,
      merchantNo: this.merchantNo,
      transactionTypeCode,
      batchNo: this.batch,
      networkManagementCode,
    };
  }

  /** The frame bytes of `message`, MACed with the MAK when `mac` (default: financial only). */
  frame(message: CupMessage, options: { mac?: boolean } = {}): Uint8Array {
    const mac = options.mac ?? ['1', '2', '4'].includes(message.mti.charAt(1));
    const keys = this.keys;
    const computeMac =
      mac && keys
        ? (data: Uint8Array) =>
            generateTerminalMac({ mak: keys.mak, algorithm: this.macAlgorithm, data })
        : undefined;
    const packed = packFrame(
      { tpdu: TPDU, header: this.header, message },
      computeMac ? { computeMac } : undefined,
    );
    if (!packed.ok) throw new Error(`test frame: ${packed.error.reason} ${packed.error.detail}`);
    return packed.value;
  }

  async line(): Promise<Line> {
    if (!this.connection || this.connection.closed) this.connection = await Line.open(this.port);
    return this.connection;
  }

  /** Sends frame bytes and reads the answer; throws when the gateway closes or stays silent. */
  async exchange(bytes: Uint8Array): Promise<Answer> {
    const line = await this.line();
    line.write(bytes);
    const got = await line.next();
    if (typeof got === 'string') throw new Error(`no answer: ${got}`);
    return this.read(got);
  }

  send(message: CupMessage, options: { mac?: boolean } = {}): Promise<Answer> {
    return this.exchange(this.frame(message, options));
  }

  read(bytes: Uint8Array): Answer {
    const frame = unpackFrame(bytes);
    if (!frame.ok) throw new Error(`unreadable answer: ${frame.error.reason}`);
    const { message, macInput } = frame.value;
    let macValid: boolean | null = null;
    if (message.mac !== undefined && macInput !== undefined && this.keys) {
      const input = { mak: this.keys.mak, algorithm: this.macAlgorithm, data: macInput };
      macValid = verifyTerminalMac({ ...input, mac: message.mac });
    }
    return { bytes, frame: frame.value, message, macValid };
  }

  /** 0800 with 60.3 `code`; on 00 takes the working keys (checking their KCVs) and the batch. */
  async signIn(code = '003'): Promise<Answer> {
    const answer = await this.send(
      { mti: '0800', stan: this.nextStan(), ...this.ids('00', code), operatorNo: '01 ' },
      { mac: false },
    );
    if (answer.message.responseCode !== '00') return answer;
    const field62 = answer.message.workingKeys;
    if (!field62) throw new Error('sign-in answer without keys');
    const keys = readSignInKeys({ tmk: this.tmk, field62 });
    if (!keys.ok) throw new Error(`sign-in keys refused: ${keys.outcome}`);
    this.keys = keys.value;
    this.batchNo = Number(answer.message.batchNo);
    return answer;
  }

  pinBlock(pin: string, pan: string): Uint8Array {
    if (!this.keys) throw new Error('not signed in');
    const block = encryptPinBlock({ pik: this.keys.pik, pin, pan });
    if (!block.ok) throw new Error(`PIN block: ${block.outcome}`);
    return block.value;
  }

  /** A swiped sale (track 2 only) with a PIN, or a keyed one with field 2 (`keyed`). */
  saleMessage(input: {
    amountFen: bigint;
    pan: string;
    pin?: string;
    keyed?: boolean;
    expiry?: string;
  }): CupMessage {
    const expiry = input.expiry ?? '3012';
    const card = input.keyed
      ? { pan: input.pan, expiryDate: expiry }
      : { track2: `${input.pan}=${expiry}2201234567890` };
    const pin =
      input.pin === undefined
        ? {}
        : {
            pinBlock: this.pinBlock(input.pin, input.pan),
            securityControl: '2600000000000000',
            pinCaptureCode: '12',
          };
    return {
      mti: '0200',
      processingCode: '000000',
      amountFen: input.amountFen,
      stan: this.nextStan(),
      entryMode: input.keyed ? '012' : input.pin === undefined ? '022' : '021',
      conditionCode: '00',
      currencyCode: '156',
      ...card,
      ...pin,
      ...this.ids('22'),
    };
  }

  sale(input: Parameters<TestTerminal['saleMessage']>[0]): Promise<Answer> {
    return this.send(this.saleMessage(input));
  }

  /** A void of `original` (the sale request and its answer), by batch and voucher number. */
  voidMessage(original: { request: CupMessage; answer: CupMessage }, pan: string): CupMessage {
    const { request, answer } = original;
    return {
      mti: '0200',
      processingCode: '200000',
      amountFen: request.amountFen ?? 0n,
      stan: this.nextStan(),
      entryMode: '022',
      conditionCode: '00',
      track2: `${pan}=30122201234567890`,
      ...(answer.rrn === undefined ? {} : { rrn: answer.rrn }),
      ...(answer.authorisationCode === undefined
        ? {}
        : { authorisationCode: answer.authorisationCode }),
      currencyCode: '156',
      ...this.ids('23'),
      originalBatchNo: request.batchNo ?? '000000',
      originalVoucherNo: request.stan ?? '000000',
    };
  }

  /** A refund keyed by the original's RRN and date (61.1/61.2 zero-filled, as most do). */
  refundMessage(input: { amountFen: bigint; rrn: string; date: string; pan: string }): CupMessage {
    return {
      mti: '0220',
      pan: input.pan,
      processingCode: '200000',
      amountFen: input.amountFen,
      stan: this.nextStan(),
      entryMode: '012',
      conditionCode: '00',
      rrn: input.rrn,
      currencyCode: '156',
      ...this.ids('25'),
      originalBatchNo: '000000',
      originalVoucherNo: '000000',
      originalDate: input.date,
      cardOrganisation: '000',
    };
  }

  /** The reversal of a request: its 2, 3, 4, 11, 14, 22, 25, 49, 60, 61 and the reason in 39. */
  reversalOf(request: CupMessage, reason: string): CupMessage {
    const pan = request.pan ?? request.track2?.split('=')[0];
    const keep: (keyof CupMessage)[] = [
      'processingCode',
      'amountFen',
      'stan',
      'expiryDate',
      'entryMode',
      'conditionCode',
      'currencyCode',
      'terminalId',
      'merchantNo',
      'transactionTypeCode',
      'batchNo',
      'networkManagementCode',
      'originalBatchNo',
      'originalVoucherNo',
      'originalDate',
    ];
    const copied = Object.fromEntries(keep.flatMap((k) => (k in request ? [[k, request[k]]] : [])));
    return { ...copied, mti: '0400', ...(pan ? { pan } : {}), responseCode: reason } as CupMessage;
  }

  /** 0500 with the 62 digits of totals. */
  settlementMessage(additionalData: string): CupMessage {
    return {
      mti: '0500',
      stan: this.nextStan(),
      additionalData,
      currencyCode: '156',
      ...this.ids('00', '201'),
      operatorNo: '01 ',
    };
  }

  close(): void {
    this.connection?.close();
  }
}
