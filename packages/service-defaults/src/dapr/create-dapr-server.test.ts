import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BaseConfig } from '../config/base-config.js';
import { createReadiness } from '../health/readiness.js';
import { createDaprServer } from './create-dapr-server.js';

const config: BaseConfig = {
  SERVICE_NAME: 'cart',
  APP_PORT: 3000,
  APP_PROTOCOL: 'http',
  HEALTH_PORT: 9090,
  DAPR_HTTP_PORT: 3500,
  DAPR_GRPC_PORT: 50001,
  DAPR_API_TOKEN: 'dapr-token-0123456789',
  APP_API_TOKEN: 'app-token-0123456789',
  LOG_LEVEL: 'silent',
  TENANT_HEADER: 'x-tenant-id',
};

describe('createDaprServer', () => {
  let http: Server;
  let base: string;

  beforeAll(async () => {
    const dapr = createDaprServer({
      config,
      logger: pino({ level: 'silent' }),
      readiness: createReadiness(),
    });
    // Start only the SDK's express app (not the sidecar wait in DaprServer.start()).
    const app = dapr.daprServer.getServer() as { listen(port: number): Server };
    http = app.listen(0);
    await new Promise((resolve) => http.once('listening', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    http.close();
  });

  it('listens on loopback only', () => {
    expect(http.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('rejects requests without the app API token with 401 problem+json', async () => {
    const response = await fetch(`${base}/dapr/config`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, code: 'App.InvalidApiToken' });
  });

  it('rejects a wrong token and lets the right one through to the SDK routes', async () => {
    const wrong = await fetch(`${base}/dapr/config`, { headers: { 'dapr-api-token': 'nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/no-such-route`, {
      headers: { 'dapr-api-token': config.APP_API_TOKEN },
    });
    expect(right.status).toBe(404);
  });

  it('answers health probes without a token', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
