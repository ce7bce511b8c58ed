// Redaction: no PAN, PIN block, key or secret reaches a log line; a real pino logger into a stream.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, SENSITIVE_KEYS } from '../src/logger.ts';

const PAN = '6222021234567890123';
const PIN_BLOCK = '0412AC89ABCDEF67';

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination: stream });
  return { logger, text: () => chunks.join('') };
}

describe('logger redaction', () => {
  it('hides a PAN and a PIN block at the top level and nested, keeping the rest', () => {
    const { logger, text } = capture();
    logger.info(
      {
        event: 'sale.approved',
        terminalId: '31000101',
        pan: PAN,
        pinBlock: PIN_BLOCK,
        card: { pan: PAN, track2: `${PAN}=2812`, cvv: '123' },
        request: { card: { pan: PAN, pinBlock: PIN_BLOCK } },
        message: { fields: { card: { pan: PAN } } },
      },
      'sale approved',
    );
    const out = text();
    expect(out).not.toContain(PAN);
    expect(out).not.toContain(PIN_BLOCK);
    expect(out).not.toContain('2812');
    const line = JSON.parse(out) as Record<string, unknown>;
    expect(line['terminalId']).toBe('31000101');
    expect(line['event']).toBe('sale.approved');
    expect(line['pan']).toBe(REDACTED);
    expect(line['card']).toEqual({ pan: REDACTED, track2: REDACTED, cvv: REDACTED });
  });

  it('hides every sensitive key by name', () => {
    const { logger, text } = capture();
    const secrets = Object.fromEntries(SENSITIVE_KEYS.map((k) => [k, `s3cr3t-${k}`]));
    logger.warn({ ...secrets, nested: { ...secrets } }, 'keys');
    const out = text();
    for (const key of SENSITIVE_KEYS) expect(out).not.toContain(`s3cr3t-${key}`);
  });

  it("hides them in a child logger's bindings and in arrays too", () => {
    const { logger, text } = capture();
    const child = logger.child({ terminalId: '31000101', card: { pan: PAN } });
    const grandchild = child.child({ stan: '000123', track2: `${PAN}=2812` });
    grandchild.info({ event: 'batch.uploaded', items: [{ pan: PAN, amountFen: '100' }] }, 'up');
    const out = text();
    expect(out).not.toContain(PAN);
    const line = JSON.parse(out) as Record<string, unknown>;
    expect(line['card']).toEqual({ pan: REDACTED });
    expect(line['items']).toEqual([{ pan: REDACTED, amountFen: '100' }]);
    expect(line['terminalId']).toBe('31000101');
    expect(line['stan']).toBe('000123');
    expect(line['track2']).toBe(REDACTED);
  });

  it("leaves the caller's objects as they were and writes errors whole", () => {
    const { logger, text } = capture();
    const record = { event: 'sale.failed', card: { pan: PAN }, err: new Error('no route') };
    logger.error(record, 'failed');
    expect(record.card.pan).toBe(PAN);
    const line = JSON.parse(text()) as { err: { message: string; stack: string } };
    expect(line.err.message).toBe('no route');
    expect(line.err.stack).toContain('Error: no route');
  });

  it('writes JSON lines with the level, time and event', () => {
    const { logger, text } = capture();
    logger.info({ event: 'cutoff.completed', businessDate: '2026-11-24' }, 'done');
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, event: 'cutoff.completed', msg: 'done' });
    expect(typeof line['time']).toBe('string');
  });
});
