// Which database the server uses: a throwaway in-memory PGlite (--memory), PostgreSQL when
// DATABASE_URL is set, or else a file-backed PGlite under the data directory.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openDatabase, type Database, type DatabaseOptions } from '@shoudan/db';
import type { Config } from './config.ts';

export type DatabaseTarget = {
  readonly options: DatabaseOptions;
  /** For people: where the data is, never with credentials. */
  readonly description: string;
  /** The PGlite directory to create first, if any. */
  readonly directory: string | null;
};

/** PostgreSQL connections per process. */
const POSTGRES_POOL_SIZE = 10;

export function databaseTarget(
  config: Config,
  flags: { readonly memory: boolean },
): DatabaseTarget {
  if (flags.memory) {
    return {
      options: { kind: 'pglite' },
      description: 'PGlite in memory (throwaway: gone when the process stops)',
      directory: null,
    };
  }
  if (config.databaseUrl) {
    return {
      options: { kind: 'postgres', url: config.databaseUrl, poolSize: POSTGRES_POOL_SIZE },
      description: `PostgreSQL at ${safeLocation(config.databaseUrl)}`,
      directory: null,
    };
  }
  const directory = join(resolve(config.dataDir), 'pglite');
  return {
    options: { kind: 'pglite', dataDir: directory },
    description: `PGlite at ${directory}`,
    directory,
  };
}

export async function openTarget(target: DatabaseTarget): Promise<Database> {
  if (target.directory) await mkdir(target.directory, { recursive: true });
  return openDatabase(target.options);
}

/** host:port/database of a PostgreSQL URL, without user or password. */
function safeLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
