// What the benchmarks share: the PostgreSQL server to use, throwaway databases, latency
// percentiles and a sampler of the process's resident memory.
import pg from 'pg';
import { createServerTestDatabase, type ServerTestDatabase } from '@shoudan/db/testing';

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server the benchmarks run on: BENCH_DATABASE_URL, else the local PostgreSQL. */
export function benchServerUrl(): string {
  return process.env['BENCH_DATABASE_URL'] || DEFAULT_BENCH_URL;
}

/** The bench server's version line, e.g. `PostgreSQL 15.20`. */
export async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: benchServerUrl() });
  await client.connect();
  try {
    const result = await client.query<{ v: string }>('select version() as v');
    return (result.rows[0]?.v ?? 'PostgreSQL').split(' (')[0] ?? 'PostgreSQL';
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database with a random name on the bench server; `drop()` removes it. */
export function createBenchDatabase(poolSize: number): Promise<ServerTestDatabase> {
  return createServerTestDatabase(benchServerUrl(), poolSize);
}

/** The `p` percentile (0–100) of ascending `sorted`, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Samples `process.memoryUsage().rss` every `everyMs` until stopped; keeps the peak. */
export class RssSampler {
  private peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 100) {
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }

  /** Stops sampling; the peak RSS in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
