// A feature of an area (a folder `<area>/<feature>/` with index.tsx and i18n.ts): its routes under
// the area's layout route and its items in the area's side menu. Areas collect their features with
// import.meta.glob, so a new feature is a new folder and nothing else.
import type { AnyRoute } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ShellItem } from './AppShell.tsx';

export type Feature = {
  /** Place in the side menu, smallest first. */
  readonly order: number;
  routes(parent: AnyRoute): AnyRoute[];
  /** Side-menu items; t reads every namespace (`t('merchant.transactions:menu')`). */
  menu?(t: TFunction): ShellItem[];
};

export type FeatureModule = { readonly feature: Feature };

export function featuresOf(modules: Record<string, FeatureModule>): Feature[] {
  return Object.values(modules)
    .map((m) => m.feature)
    .sort((a, b) => a.order - b.order);
}
