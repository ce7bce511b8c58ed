// The browser tests (apps/web/e2e): the platform in-process, Chromium driven by playwright-core.
// One file at a time: one Chromium and one platform on a two-core machine are enough.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  environments: {
    __vitest__: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  },
  test: {
    include: ['apps/web/e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    reporters: ['default', './tools/summary-reporter.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    globalSetup: ['./apps/web/e2e/global-setup.ts'],
  },
});
