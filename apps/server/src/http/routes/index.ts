// Every route module of the API, registered in this order by app.ts.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpDeps } from '../context.ts';
import { registerApplicationRoutes } from './applications.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerDashboardRoutes } from './dashboard.ts';
import { registerDeregistrationRoutes } from './deregistration.ts';
import { registerHealthRoutes } from './health.ts';
import { registerInventoryRoutes } from './inventory.ts';
import { registerLedgerRoutes } from './ledger.ts';
import { registerOnboardingRoutes } from './onboarding.ts';
import { registerOpsMerchantRoutes } from './ops-merchants.ts';
import { registerOpsRunRoutes } from './ops-runs.ts';
import { registerPaymentRoutes } from './payments.ts';
import { registerRateChangeRoutes } from './rate-changes.ts';
import { registerSelfServiceRoutes } from './self-service.ts';
import { registerServiceRoutes } from './services.ts';
import { registerVirtualPosRoutes } from './virtual-pos.ts';
import { registerWebhookRoutes } from './webhooks.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RouteOptions = {
  readonly databaseDescription: string;
  readonly loginRatePerMinute: number;
  /** Requests served so far by this process (for /status). */
  readonly requests: () => number;
};

export type RegisterRoutes = (app: App, deps: HttpDeps, options: RouteOptions) => void;

export const ROUTES: readonly RegisterRoutes[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerApplicationRoutes,
  registerOnboardingRoutes,
  registerInventoryRoutes,
  registerDeregistrationRoutes,
  registerServiceRoutes,
  registerRateChangeRoutes,
  registerWebhookRoutes,
  registerPaymentRoutes,
  registerSelfServiceRoutes,
  registerVirtualPosRoutes,
  registerDashboardRoutes,
  registerOpsMerchantRoutes,
  registerOpsRunRoutes,
  registerLedgerRoutes,
];
