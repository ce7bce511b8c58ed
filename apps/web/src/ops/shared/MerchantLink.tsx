// A merchant named by its id, shown as its number and name, linking to its page.
import { Link } from '@tanstack/react-router';
import { useMerchant } from './api.ts';

export function MerchantLink({ id }: { readonly id: string }) {
  const merchant = useMerchant(id);
  const label = merchant.data ? `${merchant.data.merchantNo} ${merchant.data.name}` : id;
  return (
    <Link to="/ops/merchants/$id" params={{ id }} data-testid="merchant-link">
      {label}
    </Link>
  );
}
