// Counting the statements sent to PostgreSQL, for tests and benchmarks that assert or print how
// many round trips an operation takes.
import pg from 'pg';

/**
 * Counts the statements every node-postgres client sends, by wrapping `Client.query`, until
 * `stop()`, which restores it and returns the count (later calls return the same count).
 */
export function countStatements(): { stop(): number } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let count = 0;
  let stopped = false;
  proto.query = function counted(this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return {
    stop: () => {
      if (!stopped) proto.query = original;
      stopped = true;
      return count;
    },
  };
}
