// The applicant's calls to the API: follow an application with its access token, upload a
// document to it. The token goes in the query, as the API defines; it is kept only in memory.
import type { DocumentBody, DocumentKind, OnboardingStatus } from '@shoudan/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { FollowKey } from './follow.ts';

export function onboardingPath(id: string, action?: string): string {
  const base = `/v1/applications/onboarding/${encodeURIComponent(id)}`;
  return action ? `${base}/${action}` : base;
}

export function statusQuery(key: FollowKey) {
  return queryOptions({
    queryKey: ['apply', 'onboarding', key.id, key.token],
    queryFn: () => api.get<OnboardingStatus>(onboardingPath(key.id), { token: key.token }),
  });
}

export type UploadInput = { readonly kind: DocumentKind; readonly file: File };

/** Uploads one document (multipart field `file`) and refreshes the application it belongs to. */
export function useUploadDocument(key: FollowKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: UploadInput) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return call<DocumentBody>('POST', onboardingPath(key.id, 'documents'), {
        query: { token: key.token, kind },
        body,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusQuery(key).queryKey }),
  });
}
