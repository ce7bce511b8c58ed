// What a cashier sees on an owner's page: a plain notice, and no request the API would refuse.
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../../common/session.ts';

export function OwnerOnly({
  notice,
  children,
}: {
  readonly notice: string;
  readonly children: ReactNode;
}) {
  const session = useSession();
  if (session.data?.role !== 'owner') {
    return <Result status="403" subTitle={notice} data-testid="owner-only" />;
  }
  return children;
}
