// The ISO 8583 gateway: a node:net TCP server for POS terminals (2-byte length + TPDU + CUP header
// + 8583 body), at most `gatewayConnectionsMax` connections, each served by connection.ts.
// `close()` stops accepting, lets requests in progress finish, then closes every connection.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { serveConnection, type Connection } from './connection.ts';
import { KnownTerminals } from './known-terminals.ts';
import type { GatewayContext, GatewayDeps } from './types.ts';

export type Gateway = {
  /** host:port actually bound (useful with port 0). */
  readonly address: string;
  readonly port: number;
  /** Connections open now. */
  connectionCount(): number;
  close(): Promise<void>;
};

export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const { config, logger } = deps;
  const context: GatewayContext = {
    ...deps,
    terminalKeys: new KnownTerminals(deps.terminalKeys, deps.clock),
  };
  const connections = new Set<Connection>();
  let nextId = 1;
  const server = createServer({ pauseOnConnect: false, noDelay: true }, (socket: Socket) => {
    const connId = nextId++;
    const log = logger.child({ connId });
    if (log.isLevelEnabled('debug')) {
      log.debug({ event: 'connection.opened', remote: socket.remoteAddress });
    }
    const connection = serveConnection(socket, context, log);
    connections.add(connection);
    socket.once('close', () => {
      connections.delete(connection);
      log.debug({ event: 'connection.closed' });
    });
  });
  server.maxConnections = config.gatewayConnectionsMax;
  server.on('drop', (data) => {
    logger.warn({
      event: 'connection.refused',
      remote: data?.remoteAddress,
      limit: config.gatewayConnectionsMax,
    });
  });
  server.on('error', (err) =>
    logger.error({ event: 'gateway.error', err }, 'gateway server error'),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.gatewayPort, config.httpHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const address = `${bound.address}:${bound.port}`;
  logger.info({ event: 'gateway.started', address, connectionsMax: config.gatewayConnectionsMax });
  let closing: Promise<void> | undefined;
  return {
    address,
    port: bound.port,
    connectionCount: () => connections.size,
    close: () => {
      closing ??= closeGateway(server, connections, config.gatewayMessageTimeoutMs);
      return closing;
    },
  };
}

async function closeGateway(
  server: ReturnType<typeof createServer>,
  connections: Set<Connection>,
  graceMs: number,
): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  const drained = Promise.all([...connections].map((c) => c.shutdown()));
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([drained, grace]);
  clearTimeout(timer);
  for (const connection of connections) connection.destroy();
  await stopped;
}
