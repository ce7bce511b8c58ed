// A merchant's in-app notifications (站内信).
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../drivers/open.ts';
import { notifications } from '../../schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotification(db: Db, row: NotificationRow): Promise<void> {
  await db.insert(notifications).values(row);
}

export async function listNotifications(
  db: Db,
  merchantId: string,
  options: { readonly unreadOnly: boolean; readonly limit: number },
): Promise<NotificationRow[]> {
  const where = options.unreadOnly
    ? and(eq(notifications.merchantId, merchantId), isNull(notifications.readAt))
    : eq(notifications.merchantId, merchantId);
  return db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.at), desc(notifications.id))
    .limit(options.limit);
}

/** False when `merchantId` has no such notification; the first reading time is kept. */
export async function markNotificationRead(
  db: Db,
  input: { readonly merchantId: string; readonly id: string; readonly at: Date },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${input.at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, input.id), eq(notifications.merchantId, input.merchantId)))
    .returning({ id: notifications.id });
  return rows.length === 1;
}
