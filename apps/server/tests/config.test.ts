// Config defaults, overrides and refusals naming each bad variable: loadConfig on fake envs.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, overrideConfig } from '../src/config.ts';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives every setting its default when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      httpHost: '127.0.0.1',
      httpPort: 3000,
      gatewayPort: 5800,
      cutoffTime: '23:00',
      refundWindowDays: 30,
      cutoffCheckIntervalMs: 30_000,
      logLevel: 'info',
      settlementChunkSize: 500,
      saleGroupSizeMax: 64,
      saleSnapshotTtlMs: 60_000,
      gatewayConnectionsMax: 1_000,
      gatewayFrameLengthMax: 4_096,
      gatewayMessageTimeoutMs: 25_000,
      gatewayIdleTimeoutMs: 120_000,
      masterKeyHex: undefined,
      sessionIdleTimeoutMs: 1_800_000,
      loginFailuresMax: 5,
      loginLockoutMs: 900_000,
      passwordScryptLog2N: 17,
      rateChangeNoticeDays: 30,
      webhookAllowPrivateAddresses: false,
      statementFontFile: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      virtualPos: true,
    });
  });

  it('treats blank variables as unset and ignores unrelated ones', () => {
    const config = loadConfig({ PORT: '  ', CUTOFF_TIME: '', HOME: '/root' });
    expect(config.httpPort).toBe(3000);
    expect(config.cutoffTime).toBe('23:00');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://shoudan:pw@db.internal:5432/shoudan',
      SHOUDAN_DATA_DIR: '/var/lib/shoudan',
      SHOUDAN_HOST: '0.0.0.0',
      PORT: '8080',
      GATEWAY_PORT: '0',
      CUTOFF_TIME: '00:00',
      REFUND_WINDOW_DAYS: '365',
      CUTOFF_CHECK_INTERVAL_MS: '1000',
      LOG_LEVEL: 'debug',
      SETTLEMENT_CHUNK_SIZE: '10000',
      SALE_GROUP_SIZE_MAX: '1',
      SALE_SNAPSHOT_TTL_MS: '0',
      SHOUDAN_MASTER_KEY: '0123456789abcdef0123456789ABCDEF',
      GATEWAY_CONNECTIONS_MAX: '50',
      GATEWAY_FRAME_LENGTH_MAX: '65535',
      GATEWAY_MESSAGE_TIMEOUT_MS: '100',
      GATEWAY_IDLE_TIMEOUT_MS: '3600000',
      SESSION_IDLE_TIMEOUT_MS: '60000',
      LOGIN_FAILURES_MAX: '3',
      LOGIN_LOCKOUT_MS: '1000',
      PASSWORD_SCRYPT_LOG2_N: '10',
      RATE_CHANGE_NOTICE_DAYS: '0',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
      STATEMENT_FONT_FILE: '/opt/fonts/cjk.ttc',
      VIRTUAL_POS: 'off',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://shoudan:pw@db.internal:5432/shoudan',
      dataDir: '/var/lib/shoudan',
      httpHost: '0.0.0.0',
      httpPort: 8080,
      gatewayPort: 0,
      cutoffTime: '00:00',
      refundWindowDays: 365,
      cutoffCheckIntervalMs: 1000,
      logLevel: 'debug',
      settlementChunkSize: 10_000,
      saleGroupSizeMax: 1,
      saleSnapshotTtlMs: 0,
      masterKeyHex: '0123456789abcdef0123456789ABCDEF',
      gatewayConnectionsMax: 50,
      gatewayFrameLengthMax: 65_535,
      gatewayMessageTimeoutMs: 100,
      gatewayIdleTimeoutMs: 3_600_000,
      sessionIdleTimeoutMs: 60_000,
      loginFailuresMax: 3,
      loginLockoutMs: 1_000,
      passwordScryptLog2N: 10,
      rateChangeNoticeDays: 0,
      webhookAllowPrivateAddresses: true,
      statementFontFile: '/opt/fonts/cjk.ttc',
      virtualPos: false,
    });
  });

  it('is frozen; overrides give a new frozen copy', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => Object.assign(config, { httpPort: 1 })).toThrow(TypeError);
    const changed = overrideConfig(config, { httpPort: 0, dataDir: undefined });
    expect(changed.httpPort).toBe(0);
    expect(changed.dataDir).toBe('./data');
    expect(Object.isFrozen(changed)).toBe(true);
    expect(config.httpPort).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['GATEWAY_PORT', '99999'],
    ['CUTOFF_TIME', '24:00'],
    ['CUTOFF_TIME', '7:00'],
    ['CUTOFF_TIME', '23:60'],
    ['REFUND_WINDOW_DAYS', '0'],
    ['REFUND_WINDOW_DAYS', '366'],
    ['CUTOFF_CHECK_INTERVAL_MS', '999'],
    ['CUTOFF_CHECK_INTERVAL_MS', '3600001'],
    ['LOG_LEVEL', 'verbose'],
    ['SETTLEMENT_CHUNK_SIZE', '0'],
    ['SESSION_IDLE_TIMEOUT_MS', '59999'],
    ['LOGIN_FAILURES_MAX', '0'],
    ['PASSWORD_SCRYPT_LOG2_N', '9'],
    ['PASSWORD_SCRYPT_LOG2_N', '21'],
    ['WEBHOOK_ALLOW_PRIVATE_ADDRESSES', 'yes'],
    ['SETTLEMENT_CHUNK_SIZE', '10001'],
    ['SALE_GROUP_SIZE_MAX', '0'],
    ['SALE_GROUP_SIZE_MAX', '1001'],
    ['SALE_SNAPSHOT_TTL_MS', '3600001'],
    ['SALE_SNAPSHOT_TTL_MS', '-1'],
    ['DATABASE_URL', 'mysql://root@localhost/db'],
    ['DATABASE_URL', 'not a url'],
    ['GATEWAY_CONNECTIONS_MAX', '0'],
    ['GATEWAY_FRAME_LENGTH_MAX', '63'],
    ['GATEWAY_FRAME_LENGTH_MAX', '65536'],
    ['GATEWAY_MESSAGE_TIMEOUT_MS', '99'],
    ['GATEWAY_IDLE_TIMEOUT_MS', '3600001'],
    ['SHOUDAN_MASTER_KEY', '0123456789ABCDEF'],
    ['VIRTUAL_POS', 'maybe'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} must`));
  });

  it('states the bound and unit of a limit', () => {
    expect(problemsOf({ REFUND_WINDOW_DAYS: '400' })[0]).toContain('from 1 to 365 (days)');
    expect(problemsOf({ CUTOFF_CHECK_INTERVAL_MS: '5' })[0]).toContain('(milliseconds)');
  });

  it('lists every bad variable at once and never echoes a database URL', () => {
    const env = { PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://u:secret@h/d' };
    const problems = problemsOf(env);
    const names = problems.map((p) => p.split(' ')[0]).sort();
    expect(names).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('never echoes a master key', () => {
    const key = 'ZZ23456789ABCDEF0123456789ABCDEF';
    const problems = problemsOf({ SHOUDAN_MASTER_KEY: key });
    expect(problems[0]).toContain('32, 48 or 64 hex characters');
    expect(problems.join('\n')).not.toContain(key);
  });
});
