// The merchant portal (商户平台): every feature folder under src/merchant/ (see common/feature.ts),
// its routes under /merchant and its items in the side menu.
import type { AnyRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ShellItem } from '../common/AppShell.tsx';
import { featuresOf, type FeatureModule } from '../common/feature.ts';

const FEATURES = featuresOf(import.meta.glob<FeatureModule>('./*/index.tsx', { eager: true }));

export function merchantRoutes(parent: AnyRoute): AnyRoute[] {
  return FEATURES.flatMap((feature) => feature.routes(parent));
}

export function useMerchantMenu(): ShellItem[] {
  const { t } = useTranslation();
  return FEATURES.flatMap((feature) => feature.menu?.(t) ?? []);
}
