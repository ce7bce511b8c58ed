// The running platform, as `shoudan serve` starts it and the browser tests start it on their own
// clock: the ISO 8583 gateway, the HTTP API with the web app and the virtual POS bridge, the
// cutoff scheduler and the webhook dispatcher over one set of services. Stops in order: the
// gateway first, so requests in progress are answered.
import { startCutoffScheduler, type CutoffScheduler } from './cutoff-scheduler.ts';
import { createGateway, type Gateway } from './gateway/gateway.ts';
import { startHttpServer, type HttpServer } from './http/app.ts';
import { ensureNetworkZpk } from './keys/network-zpk.ts';
import { requireKeys, type Services } from './services.ts';
import { startVirtualPos } from './virtual-pos/start.ts';
import { createWebhookDispatcher, type WebhookDispatcher } from './webhooks/dispatcher.ts';

export type PlatformOptions = {
  /** Shown in /status: where the data is. */
  readonly databaseDescription: string;
  /** The built web app to serve (apps/web/dist); none when not given. */
  readonly webRoot?: string;
  /** Runs before the gateway starts (seeding demo data). */
  readonly beforeStart?: () => Promise<unknown>;
};

export type Platform = {
  readonly http: HttpServer;
  readonly gateway: Gateway;
  readonly scheduler: CutoffScheduler;
  close(): Promise<void>;
};

export async function startPlatform(
  services: Services,
  options: PlatformOptions,
): Promise<Platform> {
  const { config, engine, db, terminalKeys, clock, logger } = services;
  const keys = requireKeys(services);
  // Before anything is written: a master key other than the database's is refused here.
  const zpk = await ensureNetworkZpk({ hsm: keys.hsm, store: terminalKeys, clock });
  await options.beforeStart?.();
  const gateway = await createGateway({
    config,
    engine,
    db,
    terminalKeys,
    hsm: keys.hsm,
    zpk,
    clock,
    logger,
  });
  const virtualPos = config.virtualPos
    ? startVirtualPos(services, { hsm: keys.hsm, port: gateway.port })
    : undefined;
  let http: HttpServer | undefined;
  let scheduler: CutoffScheduler | undefined;
  let webhooks: WebhookDispatcher | undefined;
  const close = async () => {
    virtualPos?.close();
    await gateway.close();
    await scheduler?.stop();
    await webhooks?.stop();
    await http?.close();
  };
  try {
    http = await startHttpServer(
      { services, ids: services.ids, ...(virtualPos === undefined ? {} : { virtualPos }) },
      {
        host: config.httpHost,
        port: config.httpPort,
        databaseDescription: options.databaseDescription,
        ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
      },
    );
    scheduler = startCutoffScheduler(services);
    webhooks = createWebhookDispatcher(services, {
      allowPrivateAddresses: config.webhookAllowPrivateAddresses,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { http, gateway, scheduler, close };
}
