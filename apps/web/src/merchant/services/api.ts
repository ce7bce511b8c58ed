// The merchant's services and the two applications that change them, through React Query.
import type { ApplicationBody, ServiceChangeRequest, ServiceList } from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const SERVICES_KEY = ['merchant', 'services'] as const;

export type ServiceChange = 'revoke' | 'activate';

const PATHS: Record<ServiceChange, string> = {
  revoke: '/v1/merchant/services/revocations',
  activate: '/v1/merchant/services/activations',
};

export function useServices() {
  return useQuery({
    queryKey: SERVICES_KEY,
    queryFn: () => api.get<ServiceList>('/v1/merchant/services'),
  });
}

export type ServiceChangeInput = {
  readonly change: ServiceChange;
  readonly body: ServiceChangeRequest;
  readonly idempotencyKey: string;
};

export function useServiceChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ServiceChangeInput) =>
      api.post<ApplicationBody>(PATHS[input.change], input.body, {
        idempotencyKey: input.idempotencyKey,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['merchant'] }),
  });
}
