// Cutoff and settlement calls: business dates, starting a run (202 at once), one run polled every
// second while it runs, the recent runs, and finance's payouts paid.
import type {
  BusinessDateList,
  PayoutsPaidRequest,
  PayoutsPaidResult,
  RunBody,
  RunList,
  RunRequest,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey } from '../../api/client.ts';

const POLL_MS = 1_000;

export function useBusinessDates() {
  return useQuery({
    queryKey: ['ops', 'business-dates'],
    queryFn: () => api.get<BusinessDateList>('/v1/ops/business-dates', { limit: 14 }),
    // 'due' comes with the clock: look again now and then.
    refetchInterval: 60_000,
  });
}

export function useRuns() {
  return useQuery({
    queryKey: ['ops', 'runs'],
    queryFn: () => api.get<RunList>('/v1/ops/runs', { limit: 10 }),
  });
}

/** One run, polled every second until it is completed or failed. */
export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: ['ops', 'run', id],
    queryFn: () => api.get<RunBody>(`/v1/ops/runs/${id ?? ''}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

export function useStartRun() {
  return useMutation({
    mutationFn: (body: RunRequest) =>
      api.post<RunBody>('/v1/ops/runs', body, { idempotencyKey: newIdempotencyKey() }),
  });
}

export function usePayoutsPaid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: PayoutsPaidRequest; key: string }) =>
      api.post<PayoutsPaidResult>('/v1/ops/settlements/payouts-paid', input.body, {
        idempotencyKey: input.key,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ops', 'merchant'] }),
  });
}
