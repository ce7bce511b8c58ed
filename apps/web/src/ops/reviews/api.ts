// The review queues' calls: the queue by kind and status, one application with its timeline,
// its documents, and approve / reject / withdraw (each refreshing what they change).
import type {
  ApplicationBody,
  ApplicationList,
  ApplicationWithTimeline,
  DocumentList,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The queue's size: the API gives no cursor, so the table pages through this many. */
export const QUEUE_LIMIT = 500;

export type QueueFilter = {
  readonly kind?: string | undefined;
  readonly status?: string | undefined;
  readonly merchantId?: string | undefined;
};

export function useApplications(filter: QueueFilter) {
  return useQuery({
    queryKey: ['ops', 'applications', filter],
    queryFn: () =>
      api.get<ApplicationList>('/v1/ops/applications', { ...filter, limit: QUEUE_LIMIT }),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['ops', 'application', id],
    queryFn: () => api.get<ApplicationWithTimeline>(`/v1/ops/applications/${id}`),
  });
}

export function documentHref(applicationId: string, documentId: string): string {
  return `/v1/ops/applications/${applicationId}/documents/${documentId}`;
}

export function useDocuments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['ops', 'application', id, 'documents'],
    queryFn: () => api.get<DocumentList>(`/v1/ops/applications/${id}/documents`),
    enabled,
  });
}

export type Decision =
  | { readonly action: 'approve'; readonly comment?: string }
  | { readonly action: 'reject'; readonly comment: string }
  | { readonly action: 'withdraw' };

/** Approve, reject or withdraw `id`; the queues and the application are read again after. */
export function useDecision(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => {
      const path = `/v1/ops/applications/${id}/${decision.action}`;
      const body = decision.action === 'withdraw' ? {} : { comment: decision.comment };
      return api.post<ApplicationBody>(path, body);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['ops'] }),
  });
}
