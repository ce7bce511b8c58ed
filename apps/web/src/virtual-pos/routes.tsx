// The pos area: every feature folder under src/virtual-pos/ (see common/feature.ts).
import type { AnyRoute } from '@tanstack/react-router';
import { featuresOf, type FeatureModule } from '../common/feature.ts';

const FEATURES = featuresOf(import.meta.glob<FeatureModule>('./*/index.tsx', { eager: true }));

export function posRoutes(parent: AnyRoute): AnyRoute[] {
  return FEATURES.flatMap((feature) => feature.routes(parent));
}
