// GET /health (liveness) and GET /status (the database, the business date, counts).
import { Health, SystemStatus } from '@shoudan/contracts';
import { businessDateOf } from '@shoudan/core';
import { counts } from '../../queries.ts';
import type { RegisterRoutes } from './index.ts';

export const registerHealthRoutes: RegisterRoutes = (app, deps, options) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/status',
    {
      schema: {
        tags: ['system'],
        summary: 'Database, business date and counts',
        response: { 200: SystemStatus },
      },
    },
    async () => {
      const { services } = deps;
      const now = services.clock.now();
      return {
        status: 'ok' as const,
        database: { kind: services.database.kind, location: options.databaseDescription },
        now: now.toISOString(),
        businessDate: businessDateOf(now, services.config.cutoffTime),
        cutoffTime: services.config.cutoffTime,
        counts: { ...(await counts(services.db)) },
      };
    },
  );
};
