// The signature on every webhook: `Shoudan-Signature: t=<unix seconds>,v1=<hex>` where v1 is
// HMAC-SHA256 under the endpoint's secret of `<t>.<body>` (as Stripe signs), so a receiver can
// check both who sent it and that it is recent.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'shoudan-signature';

export function signatureOf(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/** What a receiver does: true when `header` signs `body` under `secret` within `toleranceS`. */
export function verifySignature(input: {
  readonly secret: string;
  readonly header: string;
  readonly body: string;
  readonly nowUnixSeconds: number;
  readonly toleranceS: number;
}): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(input.header);
  if (!match?.[1] || !match[2]) return false;
  const t = Number(match[1]);
  if (Math.abs(input.nowUnixSeconds - t) > input.toleranceS) return false;
  const expected = Buffer.from(signatureOf(input.secret, t, input.body).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}
