// Builds the web app once before the browser tests, as `npm start` does, into a folder of their
// own: a build of apps/web/dist running meanwhile cannot pull files from under them.
import { join } from 'node:path';
import { build } from 'vite';
import { E2E_WEB_ROOT } from './web-root.ts';

export default async function setup(): Promise<void> {
  await build({
    root: join(import.meta.dirname, '..'),
    logLevel: 'warn',
    build: { outDir: E2E_WEB_ROOT, emptyOutDir: true },
  });
}
