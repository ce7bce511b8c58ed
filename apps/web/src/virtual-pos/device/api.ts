// The virtual POS through React Query: the merchant's terminals, one terminal's screen state, and
// the operations (each answer carries the screen as it is after it, put straight into the cache).
import type {
  VirtualPosRefundRequest,
  VirtualPosResult,
  VirtualPosSaleRequest,
  VirtualPosScreen,
  VirtualPosTerminalList,
  VirtualPosVoidRequest,
} from '@shoudan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

const BASE = '/v1/merchant/virtual-pos/terminals';
export const POS_KEY = ['virtual-pos'] as const;

export function useTerminals(enabled: boolean) {
  return useQuery({
    queryKey: [...POS_KEY, 'terminals'],
    queryFn: () => api.get<VirtualPosTerminalList>(BASE),
    enabled,
  });
}

const screenKey = (terminalId: string) => [...POS_KEY, 'screen', terminalId];

export function useScreen(terminalId: string) {
  return useQuery({
    queryKey: screenKey(terminalId),
    queryFn: () => api.get<VirtualPosScreen>(`${BASE}/${terminalId}`),
  });
}

export type Operation =
  | { readonly path: 'sign-in' | 'sign-off' | 'settle' }
  | { readonly path: 'sale'; readonly body: VirtualPosSaleRequest }
  | { readonly path: 'void'; readonly body: VirtualPosVoidRequest }
  | { readonly path: 'refund'; readonly body: VirtualPosRefundRequest };

/**
 * One operation of the POS. No Idempotency-Key: like a real terminal, the voucher number is the
 * request's identity at the host, and a lost answer is undone by the terminal's reversal.
 */
export function useOperation(terminalId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (operation: Operation) =>
      api.post<VirtualPosResult>(
        `${BASE}/${terminalId}/${operation.path}`,
        'body' in operation ? operation.body : {},
      ),
    onSuccess: (result) => {
      client.setQueryData(screenKey(terminalId), result.screen);
      void client.invalidateQueries({ queryKey: [...POS_KEY, 'terminals'] });
    },
  });
}
