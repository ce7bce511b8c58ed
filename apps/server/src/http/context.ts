// What every HTTP route is given: the shared services (database, clock, engine, config, logger),
// the id source, and the virtual POS bridge when this process runs one (with its gateway).
import type { Ids } from '@shoudan/core';
import type { Services } from '../services.ts';
import type { VirtualPosBridge } from '../virtual-pos/bridge.ts';

export type HttpDeps = {
  readonly services: Services;
  readonly ids: Ids;
  /** Absent when VIRTUAL_POS=off or without a gateway (its routes then answer 404). */
  readonly virtualPos?: VirtualPosBridge;
};
