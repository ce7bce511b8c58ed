// A merchant's in-app notifications (站内信): the list, optionally only the unread.
import { z } from 'zod';
import { listOf } from './common.ts';

export const NotificationBody = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  detail: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
});
export type NotificationBody = z.infer<typeof NotificationBody>;

export const NotificationList = listOf(NotificationBody);
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = z.object({
  unread: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
