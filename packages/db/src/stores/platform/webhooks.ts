// Webhook endpoints and deliveries. Deliveries are queued by a trigger on `notification`; the
// dispatcher claims due ones (SKIP LOCKED, so several server nodes share the work) and records
// each attempt.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { webhookDeliveries, webhookEndpoints } from '../../schema/index.ts';
import { num, rowsOf } from '../rows.ts';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertEndpoint(db: Db, row: WebhookEndpointRow): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

export async function listEndpoints(db: Db, merchantId: string): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.merchantId, merchantId))
    .orderBy(webhookEndpoints.createdAt);
}

export async function findEndpoint(
  db: Db,
  input: { readonly merchantId: string; readonly id: string },
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.merchantId, input.merchantId)),
    );
  return row;
}

/** False when the merchant has no such active endpoint. */
export async function disableEndpoint(
  db: Db,
  input: { readonly merchantId: string; readonly id: string; readonly at: Date },
): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ status: 'disabled', disabledAt: input.at })
    .where(
      and(
        eq(webhookEndpoints.id, input.id),
        eq(webhookEndpoints.merchantId, input.merchantId),
        eq(webhookEndpoints.status, 'active'),
      ),
    )
    .returning({ id: webhookEndpoints.id });
  return rows.length === 1;
}

export async function listDeliveries(
  db: Db,
  input: { readonly merchantId: string; readonly endpointId: string; readonly limit: number },
): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, input.endpointId),
        eq(webhookDeliveries.merchantId, input.merchantId),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit);
}

/** A delivery due now, with what to send and where. */
export type DueDelivery = {
  readonly id: string;
  readonly attempts: number;
  readonly url: string;
  readonly secret: string;
  readonly event: string;
  readonly notification: {
    readonly id: string;
    readonly merchantId: string;
    readonly at: Date;
    readonly kind: string;
    readonly title: string;
    readonly body: string;
    readonly detail: unknown;
  };
};

/**
 * Takes up to `limit` due deliveries and moves their next attempt `leaseMs` ahead, so another
 * node (or this one after a crash mid-send) takes them again only if this attempt is never
 * recorded.
 */
export async function claimDue(
  db: Db,
  input: { readonly now: Date; readonly limit: number; readonly leaseMs: number },
): Promise<DueDelivery[]> {
  const lease = new Date(input.now.getTime() + input.leaseMs).toISOString();
  const result = await db.execute(sql`
    with due as (
      select id from webhook_delivery
      where status = 'pending' and next_attempt_at <= ${input.now.toISOString()}::timestamptz
      order by next_attempt_at limit ${input.limit}
      for update skip locked
    )
    update webhook_delivery d set next_attempt_at = ${lease}::timestamptz
    from due, webhook_endpoint e, notification n
    where d.id = due.id and e.id = d.endpoint_id and n.id = d.notification_id
    returning d.id, d.attempts, d.event, e.url, e.secret, n.id as notification_id,
      n.merchant_id, (extract(epoch from n.at) * 1000)::bigint as at_ms, n.kind, n.title,
      n.body, n.detail`);
  // What to send and where, read with the claim: no statement per delivery.
  return rowsOf(result).map((row) => ({
    id: String(row['id']),
    attempts: num(row['attempts']),
    url: String(row['url']),
    secret: String(row['secret']),
    event: String(row['event']),
    notification: {
      id: String(row['notification_id']),
      merchantId: String(row['merchant_id']),
      at: new Date(num(row['at_ms'])),
      kind: String(row['kind']),
      title: String(row['title']),
      body: String(row['body']),
      detail: row['detail'],
    },
  }));
}

export type AttemptResult =
  | { readonly delivered: true; readonly statusCode: number }
  | {
      readonly delivered: false;
      readonly statusCode: number | null;
      readonly error: string;
      /** Null when no attempt is left: the delivery has failed for good. */
      readonly retryAt: Date | null;
    };

export async function recordAttempt(
  db: Db,
  input: { readonly id: string; readonly at: Date; readonly result: AttemptResult },
): Promise<void> {
  const { result } = input;
  const common = {
    attempts: sql`${webhookDeliveries.attempts} + 1`,
    lastAttemptAt: input.at,
    lastStatusCode: result.statusCode,
  };
  const change = result.delivered
    ? { ...common, status: 'delivered', deliveredAt: input.at, lastError: null }
    : {
        ...common,
        status: result.retryAt ? 'pending' : 'failed',
        lastError: result.error,
        ...(result.retryAt ? { nextAttemptAt: result.retryAt } : {}),
      };
  await db.update(webhookDeliveries).set(change).where(eq(webhookDeliveries.id, input.id));
}
