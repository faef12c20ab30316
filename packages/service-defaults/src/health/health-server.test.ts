import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from './health-server.js';
import { createReadiness } from './readiness.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${server?.port}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('health server', () => {
  it('binds loopback and answers liveness', async () => {
    server = await startHealthServer(0, createReadiness());
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is ready when every check passes', async () => {
    const readiness = createReadiness();
    readiness.add('postgres', () => Promise.resolve());
    server = await startHealthServer(0, readiness);
    const { status, body } = await get('/readyz');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: [{ name: 'postgres', ok: true }] });
  });

  it('returns 503 with the failing and timed-out checks', async () => {
    const readiness = createReadiness(50);
    readiness.add('postgres', () => Promise.resolve());
    readiness.add('redis', () => Promise.reject(new Error('ECONNREFUSED')));
    readiness.add('sidecar', () => new Promise<void>(() => {}));
    server = await startHealthServer(0, readiness);
    const { status, body } = await get('/readyz');
    expect(status).toBe(503);
    const { failing } = body as { failing: { name: string; error: string }[] };
    expect(body).toMatchObject({ status: 'not_ready' });
    expect(failing.map(({ name, error }) => [name, error])).toEqual([
      ['redis', 'ECONNREFUSED'],
      ['sidecar', 'timed out after 50 ms'],
    ]);
  });

  it('fails readiness once shutdown has begun', async () => {
    const readiness = createReadiness();
    server = await startHealthServer(0, readiness);
    readiness.markShuttingDown();
    expect((await get('/readyz')).status).toBe(503);
  });
});
