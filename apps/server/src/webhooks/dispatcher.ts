// Sends queued webhook deliveries: signed POSTs, a 2xx within the timeout is delivered, anything
// else is retried with exponential backoff (30 s, 1 min, 2 min, … up to 6 h) until the attempts
// run out. Runs in `shoudan serve` beside the cutoff scheduler; tests call `runOnce`.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { platform } from '@shoudan/db';
import type { Services } from '../services.ts';
import { signatureOf, SIGNATURE_HEADER } from './signature.ts';

export const WEBHOOK_LIMITS = {
  attemptsMax: 8,
  firstRetryMs: 30_000,
  retryMaxMs: 6 * 3_600_000,
  timeoutMs: 10_000,
  batchSize: 20,
  intervalMs: 5_000,
} as const;

export type Post = (
  url: string,
  init: { readonly headers: Record<string, string>; readonly body: string },
) => Promise<{ readonly status: number }>;

export type DispatcherOptions = {
  /** Allow endpoints on loopback and private networks (tests, a demo on one machine). */
  readonly allowPrivateAddresses: boolean;
  readonly intervalMs?: number;
  /** How to POST; fetch with a timeout and no redirects by default. */
  readonly post?: Post;
};

export type WebhookDispatcher = {
  /** Sends what is due now; resolves with the number of attempts made. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
};

/** The delay before attempt `attempt + 1`, after `attempt` failed ones (1-based). */
export function retryDelayMs(attempt: number): number {
  return Math.min(WEBHOOK_LIMITS.firstRetryMs * 2 ** (attempt - 1), WEBHOOK_LIMITS.retryMaxMs);
}

export function createWebhookDispatcher(
  services: Services,
  options: DispatcherOptions,
): WebhookDispatcher {
  const post = options.post ?? fetchPost;
  let running: Promise<number> | undefined;
  const runOnce = () => {
    running ??= sendDue(services, options, post).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((err: unknown) =>
      services.logger.error({ event: 'webhook.dispatch_failed', err }, 'webhook dispatch failed'),
    );
  }, options.intervalMs ?? WEBHOOK_LIMITS.intervalMs);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

async function sendDue(services: Services, options: DispatcherOptions, post: Post) {
  const { db, clock, logger } = services;
  const due = await platform.webhooks.claimDue(db, {
    now: clock.now(),
    limit: WEBHOOK_LIMITS.batchSize,
    leaseMs: WEBHOOK_LIMITS.timeoutMs * 3,
  });
  for (const delivery of due) {
    const n = delivery.notification;
    const body = JSON.stringify({
      id: delivery.id,
      event: delivery.event,
      createdAt: n.at.toISOString(),
      data: { id: n.id, kind: n.kind, title: n.title, body: n.body, detail: n.detail },
    });
    const at = clock.now();
    const headers = {
      'content-type': 'application/json',
      'shoudan-event': delivery.event,
      'shoudan-delivery': delivery.id,
      [SIGNATURE_HEADER]: signatureOf(delivery.secret, Math.floor(at.getTime() / 1000), body),
    };
    const result = await attempt(delivery, { headers, body, at, options, post });
    await platform.webhooks.recordAttempt(db, { id: delivery.id, at, result });
    logger.info({
      event: result.delivered ? 'webhook.delivered' : 'webhook.attempt_failed',
      deliveryId: delivery.id,
      attempt: delivery.attempts + 1,
      statusCode: result.statusCode,
    });
  }
  return due.length;
}

async function attempt(
  delivery: platform.webhooks.DueDelivery,
  input: {
    readonly headers: Record<string, string>;
    readonly body: string;
    readonly at: Date;
    readonly options: DispatcherOptions;
    readonly post: Post;
  },
): Promise<platform.webhooks.AttemptResult> {
  const failed = (statusCode: number | null, error: string): platform.webhooks.AttemptResult => {
    const attempts = delivery.attempts + 1;
    const retryAt =
      attempts >= WEBHOOK_LIMITS.attemptsMax
        ? null
        : new Date(input.at.getTime() + retryDelayMs(attempts));
    return { delivered: false, statusCode, error, retryAt };
  };
  if (!input.options.allowPrivateAddresses && (await isPrivate(delivery.url))) {
    return failed(null, 'the endpoint resolves to a private or loopback address');
  }
  try {
    const response = await input.post(delivery.url, { headers: input.headers, body: input.body });
    if (response.status >= 200 && response.status < 300) {
      return { delivered: true, statusCode: response.status };
    }
    return failed(response.status, `answered ${response.status}`);
  } catch (error) {
    return failed(null, error instanceof Error ? error.message.slice(0, 200) : 'request failed');
  }
}

const fetchPost: Post = async (url, init) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: init.headers,
    body: init.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_LIMITS.timeoutMs),
  });
  await response.body?.cancel();
  return { status: response.status };
};

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** SSRF guard (OWASP): an endpoint must not reach into the acquirer's own network. */
async function isPrivate(url: string): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host);
  return addresses.some((a) => PRIVATE.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
}

async function lookupAll(host: string): Promise<{ address: string; family: number }[]> {
  try {
    return await lookup(host, { all: true });
  } catch {
    return [];
  }
}
