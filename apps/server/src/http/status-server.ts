// A minimal HTTP status server on node:http (GET /health, GET /status), kept small so the Fastify
// API of a later issue can replace it without touching anything else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { businessDateOf } from '@shoudan/core';
import { counts } from '../queries.ts';
import type { Services } from '../services.ts';

/** Explicit socket limits rather than node's defaults. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export type StatusServer = {
  /** Base URL, with the port actually bound (useful with port 0). */
  readonly url: string;
  close(): Promise<void>;
};

export type StatusServerOptions = {
  readonly host: string;
  readonly port: number;
  /** Shown in /status: where the data is (never with credentials). */
  readonly databaseDescription: string;
};

export async function startStatusServer(
  services: Services,
  options: StatusServerOptions,
): Promise<StatusServer> {
  const server = createServer((req, res) => {
    handle(services, options, req, res).catch((err: unknown) => {
      services.logger.error({ event: 'http.request_failed', err, url: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { code: 'internal_error' });
      else res.destroy();
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  services: Services,
  options: StatusServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/health') {
    sendJson(res, 200, { status: 'ok' });
    return;
  }
  if (req.method === 'GET' && path === '/status') {
    const now = services.clock.now();
    sendJson(res, 200, {
      status: 'ok',
      database: { kind: services.database.kind, location: options.databaseDescription },
      now: now.toISOString(),
      businessDate: businessDateOf(now, services.config.cutoffTime),
      cutoffTime: services.config.cutoffTime,
      counts: await counts(services.db),
    });
    return;
  }
  sendJson(res, 404, { code: 'not_found', message: `No route for ${req.method ?? ''} ${path}` });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
