import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@shopstream/service-defaults/postgres';
import { CatalogServiceClient } from '@shopstream/proto/catalog/v1/catalog_service.js';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';
import { isLoopback, listenersOf } from '@shopstream/testing/sockets';
import { daprApiToken, portsOf, ports, sidecar } from '@shopstream/testing/stack';
import { stackControl } from '../../tools/stack/control.js';
import { readControlSecret } from '../../tools/stack/control-secret.js';
import { stateFile } from '../../tools/stack/layout.js';

/**
 * The security story of the running stack, outside in (issue 14 §2–§3; README "Security"): what a web
 * page, a process on the machine or a client on the network can and cannot do to it. The user-facing
 * checks (tokens, cookies, CSRF, CSP, tenancy) live beside their features and are listed in the README.
 */

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP/1.1 request with exactly these headers (no Host added) and an optional body of `size` bytes. */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // Once the answer has come, a server that stops reading the rest of the body is no failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    req.end(body);
  });
}

const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

describe('the local tooling is not an open door (issue 14 §2)', () => {
  const control = ports.control;
  const host = `127.0.0.1:${control}`;

  it('the control API answers its own client (the per-stack secret from the data folder)', async () => {
    const rows = await stackControl.status();
    expect(rows.length).toBeGreaterThan(10);
  });

  it('refuses a request without the secret, or with a wrong one, and stops nothing', async () => {
    const attempts: Record<string, string>[] = [{ host }, { host, authorization: 'Bearer guessed' }];
    for (const headers of attempts) {
      expect((await raw(control, 'POST', '/stop?name=web', headers)).status).toBe(401);
      expect((await raw(control, 'POST', '/shutdown', headers)).status).toBe(401);
    }
    expect((await stackControl.status()).find((p) => p.name === 'web')?.healthy).toBe(true);
  });

  it('refuses a web page (any Origin, a cross-site fetch) and DNS rebinding (a foreign Host), secret or not', async () => {
    const secret = `Bearer ${readControlSecret()!}`;
    const cases: Record<string, string>[] = [
      { host, origin: 'https://evil.example' }, // a CORS "simple" POST from any page
      { host, origin: 'https://evil.example', authorization: secret },
      { host, 'sec-fetch-site': 'cross-site', authorization: secret },
      { host: `evil.example:${control}`, authorization: secret }, // evil.example resolved to 127.0.0.1
    ];
    for (const headers of cases) {
      const answer = await raw(control, 'POST', '/stop?name=web', headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(Object.keys(answer.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
    }
    const preflight = await raw(control, 'OPTIONS', '/stop?name=web', {
      host,
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await stackControl.status()).find((p) => p.name === 'web')?.healthy).toBe(true);
  });

  it('keeps its secret readable by its owner only', () => {
    const secret = readControlSecret(); // throws when group or others may read it
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  /** The stack's listeners, from /proc/net: every process group the supervisor started, and itself. */
  const stackListeners = () => {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      supervisor: number;
      pids: { name: string; pid: number }[];
    };
    return listenersOf(
      state.pids.map((p) => p.pid),
      [state.supervisor],
    );
  };
  /**
   * Dapr 1.18's placement and scheduler parse `--healthz-listen-address` but bind their health server to
   * every interface anyway (fixed upstream by dapr/dapr#10394, in no release the module proxy serves yet;
   * NOTES.md, README "Security"). Only these two sockets are set aside.
   */
  const upstreamWildcard = new Set([ports.placementHealth, ports.schedulerHealth]);

  it('every listener of every process of the stack binds 127.0.0.1 (from /proc/net)', () => {
    const listeners = stackListeners();
    const seen = new Set(listeners.map((l) => l.port));
    // The check sees the stack: the control API, Postgres, daprd's ports, an app.
    for (const port of [ports.control, ports.postgres, portsOf('web').daprHttp, portsOf('web').app])
      expect(seen, `port ${port} is among the stack's listeners`).toContain(port);
    const open = listeners.filter((l) => !isLoopback(l.address) && !upstreamWildcard.has(l.port));
    expect(open.map((l) => `${l.protocol} ${l.address}:${l.port} (${l.command})`)).toEqual([]);
  });

  it.fails(
    'KNOWN HOLE (dapr/dapr#10394): placement and scheduler bind their health ports to every interface',
    () => {
      const wide = stackListeners().filter((l) => upstreamWildcard.has(l.port) && !isLoopback(l.address));
      // This test is expected to fail while the hole is open; once a Dapr build binds them to loopback it
      // passes, vitest reports that as a failure, and `.fails` must go.
      expect(wide.map((l) => `${l.address}:${l.port}`)).toEqual([]);
    },
  );
});

describe('bad input at every edge (issue 14 §3)', () => {
  let pool: Pool;
  let tenantId = '';
  const FIVE_MB = 5 * 1024 * 1024;

  beforeAll(async () => {
    pool = identityDatabasePool('security-suite');
    tenantId = await createTestTenant(pool, 'sec');
  });
  afterAll(async () => pool?.end());

  const expectProblem = (answer: { status: number; type: string; body: string }, statusCode: number) => {
    expect(answer.status).toBe(statusCode);
    expect(answer.type).toContain('application/problem+json');
    expect(json(answer.body)).toMatchObject({ status: statusCode });
  };

  it('identity behind the sidecar: a 5 MB sign-up gets 413 problem+json, and no account', async () => {
    const email = `big-${randomBytes(4).toString('hex')}@example.com`;
    const body = JSON.stringify({ email, password: 'p'.repeat(FIVE_MB) });
    const res = await sidecar('web', '/v1.0/invoke/identity-sessions/method/auth/sign-up', {
      method: 'POST',
      headers: { 'x-tenant-id': tenantId, 'content-type': 'application/json' },
      body,
    });
    const answer = {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: await res.text(),
    };
    expectProblem(answer, 413);
    expect(json(answer.body).code).toBe('Request.BodyTooLarge');
    const users = await withTenant(pool, tenantId, (c) => c.query('SELECT email FROM users'));
    expect(users.rows).toEqual([]); // the tenant is this file's own: nobody signed up yet
  });

  it('the web edge: a 5 MB server-action post gets 413 problem+json before Next reads it; no length: 411', async () => {
    const web = portsOf('web').app;
    const big = await raw(
      web,
      'POST',
      '/sign-in',
      { host: `127.0.0.1:${web}`, 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'x' },
      Buffer.alloc(FIVE_MB, 'a'),
    );
    expectProblem({ ...big, type: String(big.headers['content-type']) }, 413);
    const chunked = await raw(web, 'POST', '/sign-in', {
      host: `127.0.0.1:${web}`,
      'transfer-encoding': 'chunked',
    });
    expectProblem({ ...chunked, type: String(chunked.headers['content-type']) }, 411);
  });

  it("payments' webhook: a 5 MB event gets 413 problem+json", async () => {
    const port = portsOf('payments').appHttp;
    const answer = await raw(
      port,
      'POST',
      '/webhooks/stripe',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      Buffer.alloc(FIVE_MB, 'a'),
    );
    expectProblem({ ...answer, type: String(answer.headers['content-type']) }, 413);
  });

  it('a gRPC app behind the sidecar: a 5 MB message is RESOURCE_EXHAUSTED, not a crash', async () => {
    const client = new CatalogServiceClient(
      `127.0.0.1:${portsOf('web').daprGrpc}`,
      credentials.createInsecure(),
    );
    const md = new Metadata();
    md.set('dapr-app-id', 'catalog');
    md.set('dapr-api-token', daprApiToken);
    md.set('x-tenant-id', tenantId);
    try {
      const error = await new Promise<ServiceError | null>((resolve) =>
        client.getProduct(
          { productId: 'x'.repeat(FIVE_MB), minSequence: '0' },
          md,
          { deadline: Date.now() + 15_000 },
          (err) => resolve(err),
        ),
      );
      expect(error?.code).toBe(status.RESOURCE_EXHAUSTED);
    } finally {
      client.close();
    }
  });

  it('a rate limit is answered at once: the calling sidecar does not retry a 429', async () => {
    const email = `locked-${randomBytes(4).toString('hex')}@example.com`;
    const call = (path: string, body: unknown) =>
      sidecar('web', `/v1.0/invoke/identity-sessions/method/${path}`, {
        method: 'POST',
        headers: { 'x-tenant-id': tenantId, 'x-forwarded-for': `10.9.${randomBytes(1)[0]}.1` },
        body: JSON.stringify(body),
      });
    expect((await call('auth/sign-up', { email, password: 'correct horse battery staple' })).status).toBe(
      200,
    );
    let answer = 0;
    for (let i = 0; i < 11 && answer !== 429; i++)
      answer = (await call('auth/sign-in', { email, password: 'wrong password, again', device: 't' })).status;
    expect(answer, 'the account locks after its failures').toBe(429);
    const retriesBefore = await retryActivations('web');
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await call('auth/sign-in', { email, password: 'wrong password, again', device: 't' });
      timings.push(performance.now() - started);
      expect(res.status).toBe(429);
    }
    expect(await retryActivations('web'), "the web sidecar's retry policy never ran").toBe(retriesBefore);
    // Retried, each refusal took 2.1–2.5 s (issue 14); answered once, it is one sidecar hop.
    expect(Math.min(...timings)).toBeLessThan(1_000);
  });
});

/** Sum of the sidecar's `dapr_resiliency_activations_total{policy="retry"}` samples (its metrics port). */
async function retryActivations(appId: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${portsOf(appId).daprMetrics}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('dapr_resiliency_activations_total') && line.includes('policy="retry"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
