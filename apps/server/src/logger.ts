// The server's pino logger: JSON lines to stderr (stdout is for command output) with card data,
// PIN blocks, keys and secrets redacted at every nesting level we log.
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field names that must never reach a log: card data, PINs, keys, credentials. */
export const SENSITIVE_KEYS = [
  'pan',
  'cardNo',
  'track2',
  'track3',
  'pinBlock',
  'pin',
  'cvv',
  'key',
  'keys',
  'tmk',
  'mak',
  'pik',
  'tdk',
  'zpk',
  'masterKeyHex',
  'clearKeyHex',
  'workingKeys',
  'password',
  'supervisorPassword',
  'secret',
] as const;

/** How deep below the top of a log record sensitive keys are looked for (`a.b.c.pan`). */
const REDACT_DEPTH_MAX = 3;

export const REDACTED = '[Redacted]';

const SENSITIVE: ReadonlySet<string> = new Set(SENSITIVE_KEYS);

/**
 * `value` with the value of every sensitive key replaced, at the top and down to
 * REDACT_DEPTH_MAX levels below it, through plain objects and arrays. What holds none is
 * returned as it is; what holds one is copied, so the caller's objects never change. One walk
 * of the record, where pino's path-based redaction tried every path of every key at every
 * depth (40 µs a line, more than the rest of the line).
 */
export function redacted<T>(value: T, depth = 0): T {
  if (depth > REDACT_DEPTH_MAX || !isPlain(value)) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = redacted(item, depth + 1);
      if (next !== item) (copy ??= [...value])[i] = next;
    });
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = SENSITIVE.has(key) ? REDACTED : redacted(item, depth + 1);
    if (next !== item) (copy ??= { ...record })[key] = next;
  }
  return (copy ?? value) as T;
}

/** Arrays and plain objects: what a log record is made of (not errors, dates, buffers). */
function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export type LoggerOptions = {
  readonly level: LevelWithSilent;
  /** Where lines go; standard error when not given. */
  readonly destination?: DestinationStream;
};

export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  const logger = pino(
    {
      level: options.level,
      base: { app: 'shoudan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (record) => redacted(record) },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
  // pino formats a child's bindings without the formatters: redact them on the way in. Children
  // of children inherit this `child`, and keep their parent's bindings (`this`).
  const child = logger.child;
  const redactingChild = function (this: Logger, ...args: Parameters<Logger['child']>) {
    const [bindings, childOptions] = args;
    return child.call(this, redacted(bindings), childOptions);
  };
  logger.child = redactingChild as Logger['child'];
  return logger;
}
