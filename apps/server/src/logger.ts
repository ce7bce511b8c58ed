// The server's pino logger: JSON lines to stderr (stdout is for command output) with card data,
// PIN blocks, keys and secrets redacted at every nesting level we log.
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** Field names that must never reach a log: card data, PINs, keys, credentials. */
export const SENSITIVE_KEYS = [
  'pan',
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
  'secret',
] as const;

/** How deep below the top of a log record sensitive keys are looked for (`a.b.c.pan`). */
const REDACT_DEPTH_MAX = 3;

export const REDACTED = '[Redacted]';

/** `pan`, `*.pan`, `*.*.pan` … for every sensitive key, down to REDACT_DEPTH_MAX levels. */
export function redactPaths(): string[] {
  const paths: string[] = [];
  for (let depth = 0; depth <= REDACT_DEPTH_MAX; depth++) {
    for (const key of SENSITIVE_KEYS) paths.push(`${'*.'.repeat(depth)}${key}`);
  }
  return paths;
}

export type LoggerOptions = {
  readonly level: LevelWithSilent;
  /** Where lines go; standard error when not given. */
  readonly destination?: DestinationStream;
};

export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      level: options.level,
      base: { app: 'shoudan' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths(), censor: REDACTED },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
