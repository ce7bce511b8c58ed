// Rate changes' calls: the list by status, a proposal (with its Idempotency-Key) and withdrawing
// one's own proposal before it is reviewed.
import type { ApplicationBody, ApplicationList, RateChangeRequest } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useRateChanges(status: string | undefined) {
  return useQuery({
    queryKey: ['ops', 'rate-changes', status],
    queryFn: () => api.get<ApplicationList>('/v1/ops/rate-changes', { status, limit: 200 }),
  });
}

export function useProposeRateChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: RateChangeRequest; key: string }) =>
      api.post<ApplicationBody>('/v1/ops/rate-changes', input.body, { idempotencyKey: input.key }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ops'] }),
  });
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApplicationBody>(`/v1/ops/applications/${id}/withdraw`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ops'] }),
  });
}
