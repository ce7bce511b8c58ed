// Calls several ops pages share: one merchant (its number and name beside an id), merchant search
// for pickers, and the server's clock and business date (GET /status).
import type {
  MerchantDetail,
  MerchantSearchQuery,
  MerchantSummaryPage,
  SystemStatus,
} from '@shoudan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useMerchant(id: string | null | undefined) {
  return useQuery({
    queryKey: ['ops', 'merchant', id],
    queryFn: () => api.get<MerchantDetail>(`/v1/ops/merchants/${id ?? ''}`),
    enabled: Boolean(id),
    staleTime: 30_000,
  });
}

export type MerchantSearch = Partial<Pick<MerchantSearchQuery, 'q' | 'status' | 'cursor'>> & {
  readonly limit?: number;
};

export function useMerchantSearch(search: MerchantSearch, enabled = true) {
  return useQuery({
    queryKey: ['ops', 'merchants', search],
    queryFn: () => api.get<MerchantSummaryPage>('/v1/ops/merchants', { ...search }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The server's now and open business date: what dates and notices are counted from. */
export function useServerStatus() {
  return useQuery({
    queryKey: ['status'],
    queryFn: () => api.get<SystemStatus>('/status'),
    staleTime: 60_000,
  });
}
