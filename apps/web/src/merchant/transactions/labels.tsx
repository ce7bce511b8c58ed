// How a transaction's kind, status, payment and decline reason read on screen, in either language.
import type { TransactionBody } from '@shoudan/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLOR: Record<TransactionBody['kind'], string> = {
  sale: 'blue',
  void: 'orange',
  refund: 'purple',
};

const STATUS_COLOR: Record<TransactionBody['status'], string> = {
  approved: 'success',
  declined: 'error',
  voided: 'warning',
  reversed: 'default',
};

export function KindTag({ kind }: { readonly kind: TransactionBody['kind'] }) {
  const { t } = useTranslation('merchant.transactions');
  return <Tag color={KIND_COLOR[kind]}>{t(`kind.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { readonly status: TransactionBody['status'] }) {
  const { t } = useTranslation('merchant.transactions');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** A word of ours for a known code, else the code itself (a new code still shows something). */
export function useLabel(group: 'method' | 'service' | 'outcome') {
  const { t } = useTranslation('merchant.transactions');
  return (code: string | null): string =>
    code === null ? '—' : t(`${group}.${code}`, { defaultValue: code });
}

/** The card (masked 6+4, as the API gives it) or, for a QR payment, its method. */
export function usePaymentText() {
  const method = useLabel('method');
  return (tx: TransactionBody): string => tx.panMasked ?? method(tx.paymentMethod);
}
