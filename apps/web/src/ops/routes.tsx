// The ops console (运营后台): every feature folder under src/ops/ (see common/feature.ts),
// its routes under /ops and its items in the side menu.
import type { AnyRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ShellItem } from '../common/AppShell.tsx';
import { featuresOf, type FeatureModule } from '../common/feature.ts';

const FEATURES = featuresOf(import.meta.glob<FeatureModule>('./*/index.tsx', { eager: true }));

export function opsRoutes(parent: AnyRoute): AnyRoute[] {
  return FEATURES.flatMap((feature) => feature.routes(parent));
}

export function useOpsMenu(): ShellItem[] {
  const { t } = useTranslation();
  return FEATURES.flatMap((feature) => feature.menu?.(t) ?? []);
}
