// The ops console (运营后台): every feature folder under src/ops/ (see common/feature.ts), its
// routes under /ops and its items in the side menu, shown only to the staff roles that may use
// the feature (its `permission`, see shared/roles.ts).
import type { AnyRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ShellItem } from '../common/AppShell.tsx';
import type { Feature } from '../common/feature.ts';
import { useSession } from '../common/session.ts';
import { may, type Permission } from './shared/roles.ts';

/** An ops feature may name the permission its menu items need. */
export type OpsFeature = Feature & { readonly permission?: Permission };

const MODULES = import.meta.glob<{ feature: OpsFeature }>('./*/index.tsx', { eager: true });
const FEATURES = Object.values(MODULES)
  .map((m) => m.feature)
  .sort((a, b) => a.order - b.order);

export function opsRoutes(parent: AnyRoute): AnyRoute[] {
  return FEATURES.flatMap((feature) => feature.routes(parent));
}

export function useOpsMenu(): ShellItem[] {
  const { t } = useTranslation();
  const roles = useSession().data?.roles;
  return FEATURES.filter((f) => !f.permission || may(roles, f.permission)).flatMap(
    (feature) => feature.menu?.(t) ?? [],
  );
}
