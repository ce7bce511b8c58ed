// The virtual POS bridge of a running platform, over the gateway it has just started: reached on
// loopback when the gateway listens on every address, with timeouts past the gateway's own.
import type { SecurityModule } from '@shoudan/hsm';
import type { Services } from '../services.ts';
import { createVirtualPosBridge, type VirtualPosBridge } from './bridge.ts';

/** 主管密码 of the virtual terminals: the usual factory default of POS terminals. */
export const VIRTUAL_POS_SUPERVISOR_PASSWORD = '123456';
const CONNECT_TIMEOUT_MS = 5_000;
/** Past the gateway's own limit, so that the gateway's answer (or its closing) comes first. */
const REPLY_MARGIN_MS = 5_000;

const LOOPBACK: Readonly<Record<string, string>> = { '0.0.0.0': '127.0.0.1', '::': '::1' };

export function startVirtualPos(
  services: Services,
  gateway: { readonly hsm: SecurityModule; readonly port: number },
): VirtualPosBridge {
  const { config } = services;
  return createVirtualPosBridge({
    db: services.db,
    store: services.terminalKeys,
    hsm: gateway.hsm,
    clock: services.clock,
    logger: services.logger,
    host: LOOPBACK[config.httpHost] ?? config.httpHost,
    port: gateway.port,
    replyTimeoutMs: config.gatewayMessageTimeoutMs + REPLY_MARGIN_MS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    supervisorPassword: VIRTUAL_POS_SUPERVISOR_PASSWORD,
  });
}
