// The web app (apps/web, built by Vite into apps/web/dist) on the API's port: hashed assets cached
// for a year, index.html for every other GET that asks for HTML (the app routes in the browser),
// and a plain answer saying how to build it when the build is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fastifyStatic } from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './routes/index.ts';

/** apps/web/dist, from src/http or dist/http of apps/server alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths that are the API's, never the web app's. */
const API_PREFIXES = ['/v1/', '/docs', '/health', '/status'];

const YEAR_SECONDS = 31_536_000;

/** Serves the build under `root`; answers whether there is one. */
export async function registerWeb(app: App, root: string): Promise<boolean> {
  const built = existsSync(`${root}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      index: false,
      setHeaders: (res, path) => {
        const hashed = path.includes('/assets/');
        res.header(
          'cache-control',
          hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
        );
        res.header('x-content-type-options', 'nosniff');
      },
    });
  }
  app.get('/', { schema: { hide: true } }, (request, reply) => sendApp(request, reply, built));
  return built;
}

/** Whether a request that no route took is the browser asking for a page of the app. */
export function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (API_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  if (path.startsWith('/assets/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export function sendApp(request: FastifyRequest, reply: FastifyReply, built: boolean) {
  if (!built) {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send('The web app is not built: run `npm run build -w @shoudan/web` (npm start does it).\n');
  }
  // cache-control and nosniff come from the static plugin's setHeaders, as for every file.
  return reply.header('x-frame-options', 'DENY').sendFile('index.html');
}
