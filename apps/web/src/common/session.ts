// The signed-in caller: GET /v1/session through React Query, sign-in and sign-out. The CSRF token
// of the session is handed to the API client whenever a session is read.
import type { CurrentSessionBody, SessionBody } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client.ts';

export type Session = SessionBody;

export const SESSION_KEY = ['session'] as const;

/** GET /v1/session/current answers 200 with null for nobody: no 401 in the browser's console. */
async function readSession(): Promise<Session | null> {
  const { session } = await api.get<CurrentSessionBody>('/v1/session/current');
  setCsrfToken(session?.csrfToken);
  return session;
}

export const sessionQuery = { queryKey: SESSION_KEY, queryFn: readSession, staleTime: 60_000 };

export function useSession() {
  return useQuery(sessionQuery);
}

export type SignIn =
  | { readonly side: 'merchant'; readonly phone: string; readonly password: string }
  | { readonly side: 'staff'; readonly username: string; readonly password: string };

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignIn) => {
      const { side, ...body } = input;
      const path = side === 'merchant' ? '/v1/merchant/session' : '/v1/staff/session';
      const session = await api.post<Session>(path, body);
      setCsrfToken(session.csrfToken);
      return session;
    },
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<unknown>('/v1/session'),
    onSettled: () => {
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
