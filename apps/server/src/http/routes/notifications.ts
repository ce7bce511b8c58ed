// A merchant's in-app notifications (站内信): the newest first, optionally only the unread, and
// marking one read.
import {
  ErrorBody,
  IdParams,
  NoContent,
  NotificationList,
  NotificationListQuery,
  type NotificationBody,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { merchantOf } from '../auth/principal.ts';
import { OutcomeError } from '../errors.ts';
import type { RegisterRoutes } from './index.ts';

function notificationBody(row: platform.notifications.NotificationRow): NotificationBody {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    title: row.title,
    body: row.body,
    detail: row.detail as Record<string, unknown>,
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export const registerNotificationRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/v1/merchant/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The merchant's notifications, newest first",
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const { unread, limit } = request.query;
      const rows = await platform.notifications.listNotifications(deps.services.db, me.merchantId, {
        unreadOnly: unread,
        limit,
      });
      return { data: rows.map(notificationBody) };
    },
  );
  app.post(
    '/v1/merchant/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read',
        params: IdParams,
        response: { 204: NoContent, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const me = merchantOf(request);
      const read = await platform.notifications.markNotificationRead(deps.services.db, {
        merchantId: me.merchantId,
        id: request.params.id,
        at: deps.services.clock.now(),
      });
      if (!read) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return reply.code(204).send(null);
    },
  );
};
