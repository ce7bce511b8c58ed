// The route tree: the front door, the two sign-in pages, and the four areas. Each area owns its
// routes (`<area>/routes.tsx`) under a layout route given here; the merchant portal and the ops
// console sit inside the AppShell behind a session of the right kind.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  type AnyRoute,
  type ParsedLocation,
} from '@tanstack/react-router';
import { z } from 'zod';
import { applyRoutes } from './apply/routes.tsx';
import { AppShell } from './common/AppShell.tsx';
import { HomePage } from './common/HomePage.tsx';
import { NotFound } from './common/NotFound.tsx';
import { sessionQuery } from './common/session.ts';
import { SignInPage } from './common/SignInPage.tsx';
import { merchantRoutes, useMerchantMenu } from './merchant/routes.tsx';
import { opsRoutes, useOpsMenu } from './ops/routes.tsx';
import { posRoutes } from './virtual-pos/routes.tsx';
import { useTranslation } from 'react-i18next';

export type RouterContext = { readonly queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

/** Before an area loads: the caller must be signed in as its kind, else its sign-in page. */
async function requireSession(
  context: RouterContext,
  location: ParsedLocation,
  kind: 'merchant_user' | 'staff',
  signInPath: '/merchant/login' | '/ops/login',
): Promise<void> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (session?.kind !== kind) {
    throw redirect({ to: signInPath, search: { redirect: location.href } });
  }
}

const RedirectSearch = z.object({ redirect: z.string().optional().catch(undefined) });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

const merchantSignIn = createRoute({
  getParentRoute: () => rootRoute,
  path: '/merchant/login',
  validateSearch: RedirectSearch,
  component: function MerchantSignIn() {
    const { redirect } = merchantSignIn.useSearch();
    return <SignInPage side="merchant" home="/merchant" redirect={redirect} />;
  },
});

const opsSignIn = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ops/login',
  validateSearch: RedirectSearch,
  component: function OpsSignIn() {
    const { redirect } = opsSignIn.useSearch();
    return <SignInPage side="staff" home="/ops" redirect={redirect} />;
  },
});

const merchantLayout = createRoute({
  getParentRoute: () => rootRoute,
  path: '/merchant',
  beforeLoad: ({ context, location }) =>
    requireSession(context, location, 'merchant_user', '/merchant/login'),
  component: function MerchantLayout() {
    const { t } = useTranslation();
    const items = useMerchantMenu();
    return <AppShell title={t('portals.merchant')} items={items} signInPath="/merchant/login" />;
  },
});

const opsLayout = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ops',
  beforeLoad: ({ context, location }) => requireSession(context, location, 'staff', '/ops/login'),
  component: function OpsLayout() {
    const { t } = useTranslation();
    const items = useOpsMenu();
    return <AppShell title={t('portals.ops')} items={items} signInPath="/ops/login" />;
  },
});

const posLayout = createRoute({ getParentRoute: () => rootRoute, path: '/pos', component: Outlet });
const applyLayout = createRoute({
  getParentRoute: () => rootRoute,
  path: '/apply',
  component: Outlet,
});

function withChildren(parent: AnyRoute, children: AnyRoute[]): AnyRoute {
  return parent.addChildren(children);
}

const routeTree = rootRoute.addChildren([
  homeRoute,
  merchantSignIn,
  opsSignIn,
  withChildren(merchantLayout, merchantRoutes(merchantLayout)),
  withChildren(opsLayout, opsRoutes(opsLayout)),
  withChildren(posLayout, posRoutes(posLayout)),
  withChildren(applyLayout, applyRoutes(applyLayout)),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false });
}
