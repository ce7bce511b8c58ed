// Benchmark: pack + unpack of a typical 0200 chip sale per second, this codec against the npm
// package iso_8583 in the same run, on the same fields. `npm run bench -w packages/iso8583`.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { type CupMessage, pack, packFrame, toHex, unpack, unpackFrame } from '../src/index.ts';

const WARM_UP_MS = 500;
const ROUNDS = 4;
const ROUND_MS = 500;
const BATCH = 200;

/** The part of iso_8583's API the benchmark uses (it ships no types). */
interface IsoPackage {
  getBufferMessage(): Buffer | { error: unknown };
  getIsoJSON(buffer: Buffer, config: object): Record<string, string> | { error: unknown };
}
type IsoPackageConstructor = new (
  message?: Record<string, string>,
  formats?: Record<string, unknown>,
) => IsoPackage;

const require = createRequire(import.meta.url);
const IsoPackage = require('iso_8583') as IsoPackageConstructor;
const isoVersion = (require('iso_8583/package.json') as { version: string }).version;

const chipData = Uint8Array.from(
  Buffer.from(
    '9F26081122334455667788' +
      '9F270180' +
      '9F100706010A03A00000' +
      '9F37041A2B3C4D' +
      '9F36020021' +
      '95050000000800' +
      '9A03251125' +
      '9C0100' +
      '9F0206000000012345' +
      '5F2A020156' +
      '82027C00' +
      '9F1A020156' +
      '9F0306000000000000' +
      '9F3303E0E1C8',
    'hex',
  ),
);

/** A chip sale as terminals send it: 2 3 4 11 14 22 23 25 26 35 41 42 49 52 53 55 60 64. */
const sale: CupMessage = {
  mti: '0200',
  pan: '6217001234567894',
  processingCode: '000000',
  amountFen: 12345n,
  stan: '000124',
  expiryDate: '2906',
  entryMode: '051',
  cardSequenceNo: '001',
  conditionCode: '00',
  pinCaptureCode: '12',
  track2: '6217001234567894=29062201234567',
  terminalId: '10000001',
  merchantNo: '898310048160001',
  currencyCode: '156',
  pinBlock: Uint8Array.from(Buffer.from('5E81C2479A03D6BF', 'hex')),
  securityControl: '2600000000000000',
  chipData,
  transactionTypeCode: '22',
  batchNo: '000001',
  networkManagementCode: '000',
  terminalCapability: '5',
  chipConditionCode: '0',
  mac: Uint8Array.from(Buffer.from('3542304537443231', 'hex')),
};

/** The same fields as iso_8583 takes them: text, binary as hex, its own custom formats. */
const isoSale: Record<string, string> = {
  0: '0200',
  2: '6217001234567894',
  3: '000000',
  4: '000000012345',
  11: '000124',
  14: '2906',
  22: '051',
  23: '001',
  25: '00',
  26: '12',
  35: '6217001234567894=29062201234567',
  41: '10000001',
  42: '898310048160001',
  49: '156',
  52: '5E81C2479A03D6BF',
  53: '2600000000000000',
  55: toHex(chipData),
  60: '2200000100050',
  64: '3542304537443231',
};
// Its defaults make 53 b96 and 64 b8 (4 bytes) and 55 ans; these match the CUP formats.
const isoFormats: Record<string, unknown> = {
  53: { ContentType: 'n', Label: 'Security control', LenType: 'fixed', MaxLen: 16 },
  55: { ContentType: 'b', Label: 'Chip data', LenType: 'lllvar', MaxLen: 510 },
  64: { ContentType: 'b', Label: 'MAC', LenType: 'fixed', MaxLen: 16 },
};

function packUnpackOurs(): number {
  const packed = pack(sale);
  if (!packed.ok) throw new Error(packed.error.detail);
  const unpacked = unpack(packed.value);
  if (!unpacked.ok) throw new Error(unpacked.error.detail);
  return packed.value.length + (unpacked.value.stan === '000124' ? 1 : 0);
}

const frame = {
  tpdu: { id: '60', destination: '0003', source: '0000' },
  header: {
    applicationClass: '60',
    softwareVersion: '31',
    terminalStatus: '0',
    processingRequest: '0',
    softwareSubVersion: '000000',
  },
  message: sale,
};

function packUnpackFramesOurs(): number {
  const packed = packFrame(frame);
  if (!packed.ok) throw new Error(packed.error.detail);
  const unpacked = unpackFrame(packed.value);
  if (!unpacked.ok) throw new Error(unpacked.error.detail);
  return packed.value.length;
}

function packUnpackTheirs(): number {
  const packed = new IsoPackage(isoSale, isoFormats).getBufferMessage();
  if (!Buffer.isBuffer(packed)) throw new Error(`iso_8583 pack: ${String(packed.error)}`);
  const unpacked = new IsoPackage(undefined, isoFormats).getIsoJSON(packed, {});
  if ('error' in unpacked) throw new Error(`iso_8583 unpack: ${String(unpacked.error)}`);
  return packed.length + (unpacked['11'] === '000124' ? 1 : 0);
}

interface Tally {
  calls: number;
  elapsedMs: number;
  /** CPU time of this process (user + system) while the step ran. */
  cpuMs: number;
}

const emptyTally = (): Tally => ({ calls: 0, elapsedMs: 0, cpuMs: 0 });

/** Runs `step` for about `durationMs` (checking the clock every BATCH calls) into `tally`. */
function run(step: () => number, durationMs: number, tally: Tally): void {
  let sink = 0;
  let calls = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let index = 0; index < BATCH; index++) sink += step();
    calls += BATCH;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  if (sink === 0) throw new Error('the work was optimised away');
  tally.calls += calls;
  tally.elapsedMs += elapsed;
  tally.cpuMs += (cpu.user + cpu.system) / 1000;
}

/** Calls per second of CPU time: what the code costs, whatever else the machine is doing. */
const perCpuSecond = (tally: Tally): number => (tally.calls * 1000) / tally.cpuMs;
/** Calls per second of wall-clock time: equal to the above on an idle machine. */
const perWallSecond = (tally: Tally): number => (tally.calls * 1000) / tally.elapsedMs;

function add(total: Tally, part: Tally): void {
  total.calls += part.calls;
  total.elapsedMs += part.elapsedMs;
  total.cpuMs += part.cpuMs;
}

/**
 * Warms every step up, then measures them in interleaved rounds, so a busy machine slows all of
 * them alike. Returns the total tally of each step and the CPU-time ratio of each round.
 */
function measure(steps: readonly (() => number)[]): { tallies: Tally[]; ratios: number[] } {
  const tallies = steps.map(emptyTally);
  for (const step of steps) run(step, WARM_UP_MS, emptyTally());
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const roundTallies = steps.map((step) => {
      const tally = emptyTally();
      run(step, ROUND_MS, tally);
      return tally;
    });
    roundTallies.forEach((tally, index) => add(tallies[index] ?? emptyTally(), tally));
    const [ours, theirs] = roundTallies;
    if (ours && theirs) ratios.push(perCpuSecond(ours) / perCpuSecond(theirs));
  }
  return { tallies, ratios };
}

function checkSameMessage(): void {
  const ours = pack(sale);
  const theirs = new IsoPackage(undefined, isoFormats).getIsoJSON(
    new IsoPackage(isoSale, isoFormats).getBufferMessage() as Buffer,
    {},
  );
  if (!ours.ok || 'error' in theirs || theirs['55'] !== isoSale[55]) {
    throw new Error('the two codecs do not carry the same sale');
  }
}

function format(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US').padStart(10);
}

function row(name: string, tally: Tally, note: string): string {
  const rates = `${format(perCpuSecond(tally))} /s  ${format(perWallSecond(tally))} /s`;
  return `  ${name.padEnd(22)}${rates}  ${note}`;
}

function main(): void {
  checkSameMessage();
  const steps = [packUnpackOurs, packUnpackTheirs, packUnpackFramesOurs];
  const { tallies, ratios } = measure(steps);
  const [ours = emptyTally(), theirs = emptyTally(), framed = emptyTally()] = tallies;
  const fields = Object.keys(isoSale).length - 1;
  const cpuRatio = perCpuSecond(ours) / perCpuSecond(theirs);
  const wallRatio = perWallSecond(ours) / perWallSecond(theirs);
  const range = `${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}`;
  const lines = [
    `pack + unpack of a 0200 chip sale (${fields} fields, 207-byte message), ` +
      `node ${process.version}`,
    `${WARM_UP_MS} ms warm-up each, then ${ROUNDS} interleaved rounds of ${ROUND_MS} ms each`,
    `  ${''.padEnd(22)}${'per CPU s'.padStart(13)}${'per wall s'.padStart(15)}`,
    row('@shoudan/iso8583', ours, '(message: MTI to field 64)'),
    row(`iso_8583 ${isoVersion}`, theirs, ''),
    row('@shoudan/iso8583', framed, '(whole frame: length, TPDU, header too)'),
    `  ratio: ${cpuRatio.toFixed(1)} x per CPU second (rounds ${range} x), ` +
      `${wallRatio.toFixed(1)} x per wall second; goal >= 10 x`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
