// Deregistration through React Query: the checklist, the merchant's view (latest application,
// charges, closure) and the application. The view asks for the session first: approval closes
// the account and ends every session of its users, and the page then says so instead of asking
// the API for what it would refuse with a 401.
import type {
  ApplicationBody,
  ChecklistBody,
  CurrentSessionBody,
  DeregistrationRequest,
  DeregistrationView,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { SESSION_KEY } from '../../common/session.ts';

export const CHECKLIST_KEY = ['merchant', 'deregistration', 'checklist'] as const;
export const VIEW_KEY = ['merchant', 'deregistration', 'view'] as const;

/** While an application is under review the page looks again this often. */
const REVIEW_POLL_MS = 10_000;

export function useChecklist(enabled: boolean) {
  return useQuery({
    queryKey: CHECKLIST_KEY,
    queryFn: () => api.get<ChecklistBody>('/v1/merchant/deregistration/checklist'),
    enabled,
  });
}

/** The view, or `ended` once the session is gone (the account closed, or a sign-out). */
export type ViewState =
  | { readonly kind: 'view'; readonly view: DeregistrationView }
  | { readonly kind: 'ended'; readonly application: ApplicationBody | null };

export function useDeregistrationView() {
  const client = useQueryClient();
  return useQuery({
    queryKey: VIEW_KEY,
    queryFn: async (): Promise<ViewState> => {
      const { session } = await api.get<CurrentSessionBody>('/v1/session/current');
      if (!session) {
        client.setQueryData(SESSION_KEY, null);
        // What the page knew before: the application the session may have ended by.
        const before = client.getQueryData<ViewState>(VIEW_KEY);
        const application = before?.kind === 'view' ? before.view.application : null;
        return { kind: 'ended', application };
      }
      const view = await api.get<DeregistrationView>('/v1/merchant/deregistration');
      return { kind: 'view', view };
    },
    refetchInterval: (query) => {
      const state = query.state.data;
      const open = state?.kind === 'view' && state.view.application?.status === 'submitted';
      return open ? REVIEW_POLL_MS : false;
    },
  });
}

export type SubmitInput = {
  readonly body: DeregistrationRequest;
  readonly idempotencyKey: string;
};

export function useSubmitDeregistration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitInput) =>
      api.post<ApplicationBody>('/v1/merchant/deregistration', input.body, {
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['merchant'] }),
  });
}
