// The merchant's applications through React Query: the list, one with its timeline, withdraw.
// Query keys start with 'merchant' so one invalidation refreshes every page that shows them.
import type {
  ApplicationBody,
  ApplicationKind,
  ApplicationList,
  ApplicationStatus,
  ApplicationWithTimeline,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const APPLICATIONS_KEY = ['merchant', 'applications'] as const;

export type ApplicationQuery = {
  readonly kind?: ApplicationKind | undefined;
  readonly status?: ApplicationStatus | undefined;
};

export function useApplications(query: ApplicationQuery) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'list', query],
    queryFn: () => api.get<ApplicationList>('/v1/merchant/applications', { ...query, limit: 200 }),
  });
}

/** `version` (e.g. the status another query saw) asks again when it changes. */
export function useApplication(id: string | undefined, version?: string) {
  return useQuery({
    queryKey: [...APPLICATIONS_KEY, 'one', id, version],
    queryFn: () => api.get<ApplicationWithTimeline>(`/v1/merchant/applications/${id ?? ''}`),
    enabled: id !== undefined,
  });
}

/** POST …/withdraw; refreshes everything of the merchant's (services, deregistration, lists). */
export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<ApplicationBody>(`/v1/merchant/applications/${id}/withdraw`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['merchant'] }),
  });
}
