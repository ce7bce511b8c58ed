import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // The global setup runs in Vitest's own environment, which takes neither setting above: without
  // `source` there, `@shoudan/db/testing` resolved only to a built `dist/` (left by `tsc -b`), so
  // `npm test` on a fresh clone failed before any test ran.
  environments: {
    __vitest__: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/tests/**/*.test.ts',
      'apps/*/sim/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    reporters: ['default', './tools/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./tools/test-global-setup.ts'],
  },
});
