// Webhook endpoints and their delivery logs through React Query (owner only: the caller checks
// the role before it asks).
import type {
  WebhookDeliveryList,
  WebhookEndpointCreated,
  WebhookEndpointList,
  WebhookEndpointRequest,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const WEBHOOKS_KEY = ['merchant', 'webhooks'] as const;

export function useEndpoints(enabled: boolean) {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, 'endpoints'],
    queryFn: () => api.get<WebhookEndpointList>('/v1/merchant/webhooks'),
    enabled,
  });
}

export function useDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, 'deliveries', endpointId],
    queryFn: () =>
      api.get<WebhookDeliveryList>(`/v1/merchant/webhooks/${endpointId ?? ''}/deliveries`, {
        limit: 100,
      }),
    enabled: endpointId !== null,
  });
}

export function useAddEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointRequest) =>
      api.post<WebhookEndpointCreated>('/v1/merchant/webhooks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

export function useDisableEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/v1/merchant/webhooks/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}
