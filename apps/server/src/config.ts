// Server configuration: one zod schema over the environment, parsed once at start and frozen.
// Every limit carries its unit in its name and a bound; nothing is left to a library default.
import { z } from 'zod';

/** Bounds of the numeric settings, shared with the CLI flags that override them. */
export const LIMITS = {
  portMin: 0, // 0 asks the operating system for any free port
  portMax: 65_535,
  refundWindowDaysMin: 1,
  refundWindowDaysMax: 365,
  cutoffCheckIntervalMsMin: 1_000,
  cutoffCheckIntervalMsMax: 3_600_000,
  settlementChunkSizeMin: 1,
  settlementChunkSizeMax: 10_000,
  gatewayConnectionsMin: 1,
  gatewayConnectionsMax: 100_000,
  // The smallest frame that holds a sign-in; 65535 is what a 2-byte length can state.
  gatewayFrameLengthMin: 64,
  gatewayFrameLengthMax: 65_535,
  gatewayMessageTimeoutMsMin: 100,
  gatewayMessageTimeoutMsMax: 120_000,
  gatewayIdleTimeoutMsMin: 1_000,
  gatewayIdleTimeoutMsMax: 3_600_000,
  saleGroupSizeMin: 1,
  saleGroupSizeMax: 1_000,
  saleSnapshotTtlMsMin: 0,
  saleSnapshotTtlMsMax: 3_600_000,
  sessionIdleTimeoutMsMin: 60_000,
  sessionIdleTimeoutMsMax: 86_400_000,
  loginFailuresMin: 1,
  loginFailuresMax: 100,
  loginLockoutMsMin: 1_000,
  loginLockoutMsMax: 86_400_000,
  // 2^10 is for tests only; OWASP asks 2^17 for scrypt with r = 8.
  passwordScryptLog2NMin: 10,
  passwordScryptLog2NMax: 20,
  rateChangeNoticeDaysMin: 0,
  rateChangeNoticeDaysMax: 365,
} as const;

/** Where Debian's fonts-noto-cjk puts the face PDF statements use. */
export const STATEMENT_FONT_FILE_DEFAULT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A whole number from an environment string, within [min, max] `unit`. */
function wholeNumber(min: number, max: number, unit: string) {
  const range = `a whole number from ${min} to ${max} (${unit})`;
  return z
    .string()
    .regex(/^\d+$/, `must be ${range}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be ${range}`).max(max, `must be ${range}`));
}

const tcpPort = () => wholeNumber(LIMITS.portMin, LIMITS.portMax, 'TCP port; 0 = any free port');

/** The LMK of the security module: 16, 24 or 32 bytes as hex. */
const masterKeyHex = z
  .string()
  .regex(
    /^(?:[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64})$/,
    'must be 32, 48 or 64 hex characters (a 16-, 24- or 32-byte key)',
  );

const postgresUrl = z
  .string()
  .refine((text) => /^postgres(ql)?:\/\/\S+$/.test(text) && URL.canParse(text), {
    error: 'must be a postgres:// or postgresql:// URL',
  });

/** The environment variables the server reads, and the settings they become. */
export const Config = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    SHOUDAN_DATA_DIR: z.string().min(1).max(4096).default('./data'),
    SHOUDAN_HOST: z.string().min(1).max(255).default('127.0.0.1'),
    PORT: tcpPort().default(3000),
    GATEWAY_PORT: tcpPort().default(5800),
    CUTOFF_TIME: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM, Asia/Shanghai')
      .default('23:00'),
    REFUND_WINDOW_DAYS: wholeNumber(
      LIMITS.refundWindowDaysMin,
      LIMITS.refundWindowDaysMax,
      'days',
    ).default(30),
    CUTOFF_CHECK_INTERVAL_MS: wholeNumber(
      LIMITS.cutoffCheckIntervalMsMin,
      LIMITS.cutoffCheckIntervalMsMax,
      'milliseconds',
    ).default(30_000),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    SALE_GROUP_SIZE_MAX: wholeNumber(
      LIMITS.saleGroupSizeMin,
      LIMITS.saleGroupSizeMax,
      'sales; 1 = no group commit',
    ).default(64),
    SALE_SNAPSHOT_TTL_MS: wholeNumber(
      LIMITS.saleSnapshotTtlMsMin,
      LIMITS.saleSnapshotTtlMsMax,
      'milliseconds; 0 = every sale opens before asking the card network',
    ).default(60_000),
    SETTLEMENT_CHUNK_SIZE: wholeNumber(
      LIMITS.settlementChunkSizeMin,
      LIMITS.settlementChunkSizeMax,
      'merchants',
    ).default(500),
    SHOUDAN_MASTER_KEY: masterKeyHex.optional(),
    GATEWAY_CONNECTIONS_MAX: wholeNumber(
      LIMITS.gatewayConnectionsMin,
      LIMITS.gatewayConnectionsMax,
      'connections',
    ).default(1_000),
    GATEWAY_FRAME_LENGTH_MAX: wholeNumber(
      LIMITS.gatewayFrameLengthMin,
      LIMITS.gatewayFrameLengthMax,
      'bytes',
    ).default(4_096),
    GATEWAY_MESSAGE_TIMEOUT_MS: wholeNumber(
      LIMITS.gatewayMessageTimeoutMsMin,
      LIMITS.gatewayMessageTimeoutMsMax,
      'milliseconds',
    ).default(25_000),
    GATEWAY_IDLE_TIMEOUT_MS: wholeNumber(
      LIMITS.gatewayIdleTimeoutMsMin,
      LIMITS.gatewayIdleTimeoutMsMax,
      'milliseconds',
    ).default(120_000),
    SESSION_IDLE_TIMEOUT_MS: wholeNumber(
      LIMITS.sessionIdleTimeoutMsMin,
      LIMITS.sessionIdleTimeoutMsMax,
      'milliseconds',
    ).default(1_800_000),
    LOGIN_FAILURES_MAX: wholeNumber(
      LIMITS.loginFailuresMin,
      LIMITS.loginFailuresMax,
      'failed sign-ins in a row',
    ).default(5),
    LOGIN_LOCKOUT_MS: wholeNumber(
      LIMITS.loginLockoutMsMin,
      LIMITS.loginLockoutMsMax,
      'milliseconds',
    ).default(900_000),
    STATEMENT_FONT_FILE: z.string().min(1).max(4096).default(STATEMENT_FONT_FILE_DEFAULT),
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((text) => text === 'true'),
    PASSWORD_SCRYPT_LOG2_N: wholeNumber(
      LIMITS.passwordScryptLog2NMin,
      LIMITS.passwordScryptLog2NMax,
      'log2 of the scrypt cost N',
    ).default(17),
    RATE_CHANGE_NOTICE_DAYS: wholeNumber(
      LIMITS.rateChangeNoticeDaysMin,
      LIMITS.rateChangeNoticeDaysMax,
      'days; 0 = a rate change may take effect at its approval',
    ).default(30),
    VIRTUAL_POS: z
      .enum(['on', 'off'], { error: 'must be on or off' })
      .default('on')
      .transform((text) => text === 'on'),
  })
  .transform((env) => ({
    /** PostgreSQL server; when unset the embedded PGlite database is used. */
    databaseUrl: env.DATABASE_URL,
    /** Where the embedded database (and later uploads) live. */
    dataDir: env.SHOUDAN_DATA_DIR,
    httpHost: env.SHOUDAN_HOST,
    httpPort: env.PORT,
    /** The ISO 8583 gateway's TCP port; it listens on `httpHost` too. */
    gatewayPort: env.GATEWAY_PORT,
    /** Open terminal connections at most; more are refused at once. */
    gatewayConnectionsMax: env.GATEWAY_CONNECTIONS_MAX,
    /** Largest frame a terminal may send (bytes after the 2-byte length); larger closes it. */
    gatewayFrameLengthMax: env.GATEWAY_FRAME_LENGTH_MAX,
    /**
     * How long one request may take before the gateway gives up on answering it and closes the
     * connection (the terminal then reverses); below the terminals' own answer timeout.
     */
    gatewayMessageTimeoutMs: env.GATEWAY_MESSAGE_TIMEOUT_MS,
    /** A connection with no traffic and no request in progress for this long is closed. */
    gatewayIdleTimeoutMs: env.GATEWAY_IDLE_TIMEOUT_MS,
    /** Cutoff (日切) time of day, Asia/Shanghai. */
    cutoffTime: env.CUTOFF_TIME,
    refundWindowDays: env.REFUND_WINDOW_DAYS,
    cutoffCheckIntervalMs: env.CUTOFF_CHECK_INTERVAL_MS,
    logLevel: env.LOG_LEVEL,
    /** Merchants settled per database transaction. */
    settlementChunkSize: env.SETTLEMENT_CHUNK_SIZE,
    /**
     * Sales at most in one group commit (PostgreSQL server only); 1 turns it off. A sale waits
     * for the slowest card-network answer of its group, so a site whose network answers slowly
     * or unevenly may want small groups.
     */
    saleGroupSizeMax: env.SALE_GROUP_SIZE_MAX,
    /**
     * How long what the engine read of a terminal under its lock may decide the terminal's next
     * sale, which then asks the card network first and is recorded in one round trip if the facts
     * still hold; 0 turns this off. It needs a card network that answers a repeated authorization
     * of one reference as it did the first time (the simulator does).
     */
    saleSnapshotTtlMs: env.SALE_SNAPSHOT_TTL_MS,
    /**
     * The security module's LMK, hex. Required with DATABASE_URL for the gateway and key
     * loading; on PGlite a generated one is kept in `<dataDir>/master.key` when unset.
     */
    masterKeyHex: env.SHOUDAN_MASTER_KEY,
    /** A session unused this long ends; sessions also end 12 h after sign-in. */
    sessionIdleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MS,
    /** Failed sign-ins in a row that lock an account for `loginLockoutMs`. */
    loginFailuresMax: env.LOGIN_FAILURES_MAX,
    loginLockoutMs: env.LOGIN_LOCKOUT_MS,
    /** scrypt cost of new password hashes (r = 8, p = 1); stored hashes keep their own. */
    passwordScryptLog2N: env.PASSWORD_SCRYPT_LOG2_N,
    /** How far ahead of its approval a rate change (调价) must take effect at the earliest. */
    rateChangeNoticeDays: env.RATE_CHANGE_NOTICE_DAYS,
    /**
     * Whether webhook endpoints may resolve to loopback or private addresses; off in production
     * so that a merchant's URL cannot reach into the acquirer's own network (SSRF).
     */
    webhookAllowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
    /** The CJK font of PDF statements: a .ttc with the Noto Sans CJK SC face. */
    statementFontFile: env.STATEMENT_FONT_FILE,
    /**
     * The virtual POS (虚拟POS) in the browser: a server-side bridge that drives simulated
     * terminals through this process's gateway. Off: its routes are not served (404).
     */
    virtualPos: env.VIRTUAL_POS,
  }));

export type Config = Readonly<z.output<typeof Config>>;

/** The environment variable behind each setting, for messages. */
export const ENV_NAMES = {
  databaseUrl: 'DATABASE_URL',
  dataDir: 'SHOUDAN_DATA_DIR',
  httpHost: 'SHOUDAN_HOST',
  httpPort: 'PORT',
  gatewayPort: 'GATEWAY_PORT',
  cutoffTime: 'CUTOFF_TIME',
  refundWindowDays: 'REFUND_WINDOW_DAYS',
  cutoffCheckIntervalMs: 'CUTOFF_CHECK_INTERVAL_MS',
  logLevel: 'LOG_LEVEL',
  settlementChunkSize: 'SETTLEMENT_CHUNK_SIZE',
  saleGroupSizeMax: 'SALE_GROUP_SIZE_MAX',
  saleSnapshotTtlMs: 'SALE_SNAPSHOT_TTL_MS',
  gatewayConnectionsMax: 'GATEWAY_CONNECTIONS_MAX',
  gatewayFrameLengthMax: 'GATEWAY_FRAME_LENGTH_MAX',
  gatewayMessageTimeoutMs: 'GATEWAY_MESSAGE_TIMEOUT_MS',
  gatewayIdleTimeoutMs: 'GATEWAY_IDLE_TIMEOUT_MS',
  masterKeyHex: 'SHOUDAN_MASTER_KEY',
  sessionIdleTimeoutMs: 'SESSION_IDLE_TIMEOUT_MS',
  loginFailuresMax: 'LOGIN_FAILURES_MAX',
  loginLockoutMs: 'LOGIN_LOCKOUT_MS',
  passwordScryptLog2N: 'PASSWORD_SCRYPT_LOG2_N',
  rateChangeNoticeDays: 'RATE_CHANGE_NOTICE_DAYS',
  webhookAllowPrivateAddresses: 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES',
  statementFontFile: 'STATEMENT_FONT_FILE',
  virtualPos: 'VIRTUAL_POS',
} as const satisfies Record<keyof Config, string>;

/** Variables whose values never appear in a message (credentials, keys). */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['DATABASE_URL', 'SHOUDAN_MASTER_KEY']);

/** A configuration that cannot be used; `problems` name each variable and what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Parses the settings from `env` (variables that are unset or blank take their defaults) and
 * freezes them. Throws ConfigError naming every variable that is wrong.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const input: Record<string, string> = {};
  for (const name of Object.values(ENV_NAMES)) {
    const value = env[name]?.trim();
    if (value) input[name] = value;
  }
  const parsed = Config.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const shown = SECRET_VARIABLES.has(name) ? '' : ` (got "${input[name] ?? ''}")`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  return Object.freeze(parsed.data);
}

/** The configuration with some settings replaced (already checked by the caller), frozen. */
export function overrideConfig(config: Config, changes: Partial<Config>): Config {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return Object.freeze({ ...config, ...defined });
}
