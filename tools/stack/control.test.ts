import { request } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A free loopback port, so this test never meets a running stack's control API. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

process.env.SHOPSTREAM_DATA = mkdtempSync(join(tmpdir(), 'shopstream-control-test-'));
process.env.SHOPSTREAM_PORT_CONTROL = String(await freePort());
const { startControlServer, stackControl } = await import('./control.js');
const { controlSecretFile, readControlSecret } = await import('./control-secret.js');
const { ports } = await import('./ports.js');
import type { Supervisor } from './supervisor.js';

/** What a client (a browser, curl, a rebinding page) sends: raw headers, nothing added. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: ports.control, method, path, headers, setHost: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the control API (adr/0066)', () => {
  const stopped: string[] = [];
  let shutdowns = 0;
  const supervisor = {
    status: () => Promise.resolve([]),
    stop: (name: string) => {
      stopped.push(name);
      return Promise.resolve();
    },
    start: () => Promise.resolve(),
    restart: () => Promise.resolve(),
  } as unknown as Supervisor;
  let close: () => void = () => undefined;
  const host = () => `127.0.0.1:${ports.control}`;
  const secret = () => readControlSecret()!;

  beforeAll(async () => {
    const server = await startControlServer(supervisor, () => shutdowns++);
    close = () => server.close();
  });
  afterAll(() => close());

  it('writes a per-stack secret readable by its owner only', () => {
    expect(statSync(controlSecretFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(controlSecretFile, '..')).mode & 0o777).toBe(0o700);
    expect(secret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers its own client (status, stop) with the secret', async () => {
    await expect(stackControl.status()).resolves.toEqual([]);
    await stackControl.stop(['web']);
    expect(stopped).toEqual(['web']);
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret', { authorization: 'Bearer not-the-secret' }],
    ['the secret in another scheme', { authorization: 'Basic x' }],
  ])('refuses %s with 401 and changes nothing', async (_what, headers) => {
    const before = stopped.length;
    const res = await send('POST', '/stop?name=web', { host: host(), ...headers });
    expect(res.status).toBe(401);
    const shutdown = await send('POST', '/shutdown', { host: host(), ...headers });
    expect(shutdown.status).toBe(401);
    expect(stopped.length).toBe(before);
    expect(shutdowns).toBe(0);
  });

  it('refuses a foreign Origin even with the secret, and never grants a CORS preflight', async () => {
    const auth = { host: host(), authorization: `Bearer ${secret()}` };
    const page = await send('POST', '/stop?name=web', { ...auth, origin: 'https://evil.example' });
    expect(page.status).toBe(403);
    const same = await send('POST', '/stop?name=web', { ...auth, origin: `http://${host()}` });
    expect(same.status).toBe(403); // no web page, not even one served from here, is a client
    const fetched = await send('GET', '/status', { ...auth, 'sec-fetch-site': 'cross-site' });
    expect(fetched.status).toBe(403);
    const preflight = await send('OPTIONS', '/stop?name=web', {
      host: host(),
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(stopped).toEqual(['web']);
  });

  it('refuses a foreign Host (DNS rebinding) even with the secret', async () => {
    for (const name of [
      `rebind.evil.example:${ports.control}`,
      '127.0.0.1',
      `127.0.0.1:${ports.control + 1}`,
    ]) {
      const res = await send('GET', '/status', { host: name, authorization: `Bearer ${secret()}` });
      expect(res.status, name).toBe(403);
    }
  });

  it('changes nothing on GET: every state change is a POST', async () => {
    const auth = { host: host(), authorization: `Bearer ${secret()}` };
    for (const path of ['/stop?name=web', '/start?name=web', '/restart?name=web', '/shutdown'])
      expect((await send('GET', path, auth)).status, path).toBe(404);
    expect(stopped).toEqual(['web']);
    expect(shutdowns).toBe(0);
  });
});
