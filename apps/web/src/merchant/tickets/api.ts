// Support tickets through React Query: the list, one with its messages, opening, replying,
// closing (each POST with its Idempotency-Key; the API runs them under one).
import type {
  OpenTicketRequest,
  TicketList,
  TicketStatus,
  TicketWithMessages,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const TICKETS_KEY = ['merchant', 'tickets'] as const;

export function useTickets(status: TicketStatus | undefined) {
  return useQuery({
    queryKey: [...TICKETS_KEY, 'list', status],
    queryFn: () => api.get<TicketList>('/v1/merchant/tickets', { status, limit: 200 }),
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: [...TICKETS_KEY, 'one', id],
    queryFn: () => api.get<TicketWithMessages>(`/v1/merchant/tickets/${id}`),
  });
}

type Keyed<T> = { readonly body: T; readonly idempotencyKey: string };

/** After any change: the ticket's answer replaces the cached one, and the lists are stale. */
function useTicketChange<T>(pathOf: (input: Keyed<T>) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Keyed<T>) =>
      api.post<TicketWithMessages>(pathOf(input), input.body, {
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: (ticket) => {
      client.setQueryData([...TICKETS_KEY, 'one', ticket.id], ticket);
      void client.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
    },
  });
}

export function useOpenTicket() {
  return useTicketChange<OpenTicketRequest>(() => '/v1/merchant/tickets');
}

export function useReply(id: string) {
  return useTicketChange<{ readonly body: string }>(() => `/v1/merchant/tickets/${id}/messages`);
}

export function useCloseTicket(id: string) {
  return useTicketChange<Record<string, never>>(() => `/v1/merchant/tickets/${id}/close`);
}
