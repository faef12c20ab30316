import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHealthHandler } from './health-handler.js';
import type { Readiness } from './readiness.js';

export interface HealthServer {
  readonly server: Server;
  /** The bound port (useful when started on port 0 in tests). */
  readonly port: number;
  close(): Promise<void>;
}

/** Standalone health endpoint on 127.0.0.1:`port`; anything but the two health paths gets 404. */
export async function startHealthServer(port: number, readiness: Readiness): Promise<HealthServer> {
  const handle = createHealthHandler(readiness);
  const server = createServer((req, res) =>
    handle(req, res, () => {
      res.writeHead(404).end();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
