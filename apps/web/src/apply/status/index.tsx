// /apply/status: follow an application with its id and access token.
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { StatusPage } from './StatusPage.tsx';

export const feature: Feature = {
  order: 2,
  routes: (parent) => [
    createRoute({ getParentRoute: () => parent, path: 'status', component: StatusPage }),
  ],
};
