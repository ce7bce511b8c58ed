// The merchant's notifications through React Query: the list (all or unread), the unread count
// for the menu, and marking read.
import type { NotificationList } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const NOTIFICATIONS_KEY = ['merchant', 'notifications'] as const;

/** The unread count is read at most this often (it shows in the menu of every page). */
const UNREAD_STALE_MS = 60_000;
/** The menu shows "99+" beyond this; the count asks for one more. */
export const UNREAD_SHOWN_MAX = 99;

export function useNotifications(unread: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', unread],
    queryFn: () => api.get<NotificationList>('/v1/merchant/notifications', { unread, limit: 200 }),
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async () => {
      const query = { unread: true, limit: UNREAD_SHOWN_MAX + 1 };
      const list = await api.get<NotificationList>('/v1/merchant/notifications', query);
      return list.data.length;
    },
    staleTime: UNREAD_STALE_MS,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      // One at a time: the API marks one notification per request.
      for (const id of ids) await api.post<null>(`/v1/merchant/notifications/${id}/read`);
    },
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
