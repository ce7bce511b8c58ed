// What every HTTP route is given: the shared services (database, clock, engine, config, logger)
// and the id source.
import type { Ids } from '@shoudan/core';
import type { Services } from '../services.ts';

export type HttpDeps = {
  readonly services: Services;
  readonly ids: Ids;
};
