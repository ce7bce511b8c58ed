// The application form at /apply/individual and /apply/enterprise (a correction of a rejected one
// when the fragment says `#resubmit=<id>&token=<token>`).
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { ApplyPage } from './ApplyWizard.tsx';

export const feature: Feature = {
  order: 1,
  routes: (parent) =>
    (['individual', 'enterprise'] as const).map((merchantType) =>
      createRoute({
        getParentRoute: () => parent,
        path: merchantType,
        component: function ApplyRoute() {
          return <ApplyPage merchantType={merchantType} />;
        },
      }),
    ),
};
