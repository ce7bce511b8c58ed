// The inventory's calls: devices by status, adding one, shipping an allocated one. Both writes
// carry an Idempotency-Key kept while the same dialog retries.
import type {
  AddDeviceRequest,
  DeviceBody,
  DeviceList,
  ShipDeviceRequest,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const INVENTORY_LIMIT = 500;

export function useInventory(status: string | undefined) {
  return useQuery({
    queryKey: ['ops', 'inventory', status],
    queryFn: () => api.get<DeviceList>('/v1/ops/inventory', { status, limit: INVENTORY_LIMIT }),
  });
}

export function useAddDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: AddDeviceRequest; key: string }) =>
      api.post<DeviceBody>('/v1/ops/inventory', input.body, { idempotencyKey: input.key }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ops', 'inventory'] }),
  });
}

export function useShipDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { serialNo: string; body: ShipDeviceRequest; key: string }) =>
      api.post<DeviceBody>(
        `/v1/ops/inventory/${encodeURIComponent(input.serialNo)}/ship`,
        input.body,
        { idempotencyKey: input.key },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ops', 'inventory'] }),
  });
}
