// The support queue's calls: tickets by status, one with its messages, reply and close (each
// with an Idempotency-Key).
import type { TicketList, TicketWithMessages } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client.ts';

export function useTickets(status: string | undefined) {
  return useQuery({
    queryKey: ['ops', 'tickets', status],
    queryFn: () => api.get<TicketList>('/v1/ops/tickets', { status, limit: 200 }),
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: ['ops', 'ticket', id],
    queryFn: () => api.get<TicketWithMessages>(`/v1/ops/tickets/${id}`),
  });
}

/** Reply (`body`) or close; the answer is the ticket as it now stands. */
export function useTicketAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: 'reply'; body: string; key: string } | { action: 'close' }) =>
      input.action === 'reply'
        ? api.post<TicketWithMessages>(
            `/v1/ops/tickets/${id}/messages`,
            { body: input.body },
            { idempotencyKey: input.key },
          )
        : api.post<TicketWithMessages>(
            `/v1/ops/tickets/${id}/close`,
            {},
            {
              idempotencyKey: newIdempotencyKey(),
            },
          ),
    onSuccess: (ticket) => {
      client.setQueryData(['ops', 'ticket', id], ticket);
      return client.invalidateQueries({ queryKey: ['ops', 'tickets'] });
    },
  });
}
