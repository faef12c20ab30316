import { describe, expect, it } from 'vitest';
import { createServiceTokenSource, type IssuedServiceToken } from './service-token-source.js';

/** A controllable issuer: each call is a pending promise the test resolves or rejects. */
function fakeIssuer() {
  const calls: {
    tenantId: string;
    resolve: (t: IssuedServiceToken) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const issue = (tenantId: string) =>
    new Promise<IssuedServiceToken>((resolve, reject) => calls.push({ tenantId, resolve, reject }));
  return { calls, issue };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createServiceTokenSource', () => {
  it('fetches once for many concurrent callers of one tenant, and once per tenant', async () => {
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => 0 });
    const a = Array.from({ length: 50 }, () => source.accessToken('acme'));
    const b = source.accessToken('globex');
    expect(issuer.calls.map((c) => c.tenantId)).toEqual(['acme', 'globex']);
    issuer.calls[0]!.resolve({ token: 'acme-1', expiresInMs: 300_000 });
    issuer.calls[1]!.resolve({ token: 'globex-1', expiresInMs: 300_000 });
    expect(new Set(await Promise.all(a))).toEqual(new Set(['acme-1']));
    expect(await b).toBe('globex-1');
    expect(await source.accessToken('acme')).toBe('acme-1');
    expect(issuer.calls).toHaveLength(2);
  });

  it('renews in the background after 75 % of the lifetime, serving the old token meanwhile', async () => {
    let now = 1_000;
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => now });
    const first = source.accessToken('acme');
    issuer.calls[0]!.resolve({ token: 't1', expiresInMs: 100_000 });
    expect(await first).toBe('t1');

    now = 1_000 + 74_999;
    expect(await source.accessToken('acme')).toBe('t1');
    expect(issuer.calls).toHaveLength(1);

    now = 1_000 + 75_000;
    expect(await source.accessToken('acme')).toBe('t1'); // not held up by the renewal
    expect(await source.accessToken('acme')).toBe('t1'); // and no second renewal while one runs
    expect(issuer.calls).toHaveLength(2);
    issuer.calls[1]!.resolve({ token: 't2', expiresInMs: 100_000 });
    await flush();
    expect(await source.accessToken('acme')).toBe('t2');
  });

  it('never hands out a token about to expire: callers wait for the new one', async () => {
    let now = 0;
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => now, minRemainingMs: 10_000 });
    const first = source.accessToken('acme');
    issuer.calls[0]!.resolve({ token: 't1', expiresInMs: 100_000 });
    await first;

    now = 90_000; // 10 s left: unusable
    const waiting = source.accessToken('acme');
    let settled = false;
    void waiting.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    issuer.calls[1]!.resolve({ token: 't2', expiresInMs: 100_000 });
    expect(await waiting).toBe('t2');
  });

  it('measures the lifetime from when the request started (a slow answer shortens it)', async () => {
    let now = 0;
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => now, minRemainingMs: 1_000 });
    const first = source.accessToken('acme');
    now = 30_000; // the answer took 30 s
    issuer.calls[0]!.resolve({ token: 't1', expiresInMs: 40_000 });
    await first;
    now = 39_000; // 1 s before the end counted from the start: unusable although received 9 s ago
    void source.accessToken('acme');
    expect(issuer.calls).toHaveLength(2);
  });

  it('keeps serving the current token when a background renewal fails, retrying after a pause', async () => {
    let now = 0;
    const failures: string[] = [];
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({
      issue: issuer.issue,
      now: () => now,
      retryAfterMs: 1_000,
      onRenewalError: (_error, tenantId) => failures.push(tenantId),
    });
    const first = source.accessToken('acme');
    issuer.calls[0]!.resolve({ token: 't1', expiresInMs: 100_000 });
    await first;

    now = 80_000;
    expect(await source.accessToken('acme')).toBe('t1');
    issuer.calls[1]!.reject(new Error('identity down'));
    await flush();
    expect(failures).toEqual(['acme']);

    now = 80_500; // within the pause: no new request
    expect(await source.accessToken('acme')).toBe('t1');
    expect(issuer.calls).toHaveLength(2);
    now = 81_000;
    expect(await source.accessToken('acme')).toBe('t1');
    expect(issuer.calls).toHaveLength(3);
  });

  it("rejects with the issuer's error when there is no usable token, and tries again on the next call", async () => {
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => 0 });
    const first = source.accessToken('acme');
    issuer.calls[0]!.reject(new Error('Identity.InvalidClient'));
    await expect(first).rejects.toThrow('Identity.InvalidClient');
    const second = source.accessToken('acme');
    expect(issuer.calls).toHaveLength(2);
    issuer.calls[1]!.resolve({ token: 't1', expiresInMs: 100_000 });
    expect(await second).toBe('t1');
  });

  it('fetches anew after invalidate', async () => {
    const issuer = fakeIssuer();
    const source = createServiceTokenSource({ issue: issuer.issue, now: () => 0 });
    const first = source.accessToken('acme');
    issuer.calls[0]!.resolve({ token: 't1', expiresInMs: 100_000 });
    await first;
    source.invalidate('acme');
    const second = source.accessToken('acme');
    issuer.calls[1]!.resolve({ token: 't2', expiresInMs: 100_000 });
    expect(await second).toBe('t2');
  });

  it('keeps at most maxTenants tokens, dropping the least recently used', async () => {
    const issued: string[] = [];
    const source = createServiceTokenSource({
      issue: (tenantId) => {
        issued.push(tenantId);
        return Promise.resolve({ token: `tok-${tenantId}`, expiresInMs: 100_000 });
      },
      now: () => 0,
      maxTenants: 2,
    });
    await source.accessToken('a');
    await source.accessToken('b');
    await source.accessToken('a'); // a is now the most recent
    await source.accessToken('c'); // drops b
    await source.accessToken('a');
    await source.accessToken('b');
    expect(issued).toEqual(['a', 'b', 'c', 'b']);
  });
});
