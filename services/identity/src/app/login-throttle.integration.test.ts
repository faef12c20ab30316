import { setTimeout as sleep } from 'node:timers/promises';
import type { DomainError } from '@shopstream/service-defaults';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../infra/login-throttle.js';
import {
  DEFAULT_LOGIN_THROTTLE_POLICY,
  loginThrottleKeys,
  type LoginThrottlePolicy,
} from '../infra/login-throttle-policy.js';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';
import { signIn } from './sign-in.js';
import { signUp } from './sign-up.js';

const PASSWORD = 'a long enough passphrase';

/** Small numbers so the test runs in seconds: locks at 3 (400 ms) and 6 (1500 ms), then every 3. */
const SMALL: LoginThrottlePolicy = {
  ...DEFAULT_LOGIN_THROTTLE_POLICY,
  ipLimit: 1000,
  accountLimit: 1000,
  lockout: [
    { failures: 3, lockMs: 400 },
    { failures: 6, lockMs: 1500 },
  ],
  repeatEvery: 3,
};

describe('login throttle (real Redis) and sign-in lockout', () => {
  let kit: IdentityTestKit;
  let tenantId: string;
  const email = 'lock@example.com';

  beforeAll(async () => {
    kit = await createIdentityTestKit({ throttle: SMALL });
    tenantId = await kit.newTenant('lock');
    await signUp(kit.deps, { tenantId, email, password: PASSWORD });
  });
  afterAll(async () => kit?.close());

  const attempt = (password: string, ip = '203.0.113.9') =>
    signIn(kit.deps, { tenantId, email, password }, { ip }).then(
      () => 'ok',
      (e: DomainError) => e.code,
    );

  it('locks after the policy says, unlocks by time, progresses, and a right password resets it', async () => {
    const wrong = 'not the right one';
    expect([await attempt(wrong), await attempt(wrong), await attempt(wrong)]).toEqual(
      Array(3).fill('Identity.InvalidCredentials'),
    );
    // Locked: even the right password is refused, without hashing.
    expect(await attempt(PASSWORD)).toBe('Identity.TooManyAttempts');
    await sleep(450);
    expect([await attempt(wrong), await attempt(wrong), await attempt(wrong)]).toEqual(
      Array(3).fill('Identity.InvalidCredentials'),
    );
    // Second step: a longer lock (1500 ms) — still locked after 450 ms.
    await sleep(450);
    expect(await attempt(PASSWORD)).toBe('Identity.TooManyAttempts');
    await sleep(1100);
    expect(await attempt(PASSWORD)).toBe('ok');
    // Reset: the next lock needs three fresh failures again.
    expect([await attempt(wrong), await attempt(wrong)]).toEqual(
      Array(2).fill('Identity.InvalidCredentials'),
    );
    expect(await attempt(PASSWORD)).toBe('ok');
  });

  it('counts unknown emails too (no enumeration through the lock)', async () => {
    const ghost = () =>
      signIn(
        kit.deps,
        { tenantId, email: 'ghost@example.com', password: PASSWORD },
        { ip: '203.0.113.10' },
      ).then(
        () => 'ok',
        (e: DomainError) => e.code,
      );
    const codes = [await ghost(), await ghost(), await ghost(), await ghost()];
    expect(codes).toEqual([
      ...Array<string>(3).fill('Identity.InvalidCredentials'),
      'Identity.TooManyAttempts',
    ]);
  });

  it('keeps the bound under concurrency: of 50 simultaneous attempts exactly `failures` pass before the lock', async () => {
    const throttle = createLoginThrottle(kit.redis, {
      ...SMALL,
      lockout: [{ failures: 10, lockMs: 60_000 }],
    });
    const key = { tenantId, ip: '203.0.113.11', account: 'burst@example.com' };
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => throttle.begin(key)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(refused.every((v) => !v.allowed && v.reason === 'account-locked' && v.retryAfterMs > 59_000)).toBe(
      true,
    );
    await throttle.succeeded(key);
    expect((await throttle.begin(key)).allowed).toBe(true);
  });

  it('never allows more than 100 consecutive failures with the default policy', async () => {
    const throttle = createLoginThrottle(kit.redis, {
      ...DEFAULT_LOGIN_THROTTLE_POLICY,
      ipLimit: 10_000,
      accountLimit: 10_000,
    });
    const key = { tenantId, ip: '203.0.113.12', account: 'nist@example.com' };
    const { accountLock } = loginThrottleKeys(tenantId, key.ip, key.account);
    // No waiting: lift each lock as soon as it is set, and measure the failures between locks.
    let sinceLock = 0;
    let longest = 0;
    let locks = 0;
    for (let i = 0; i < 250; i += 1) {
      expect((await throttle.begin(key)).allowed).toBe(true);
      sinceLock += 1;
      if ((await kit.redis.pttl(accountLock)) > 0) {
        longest = Math.max(longest, sinceLock);
        sinceLock = 0;
        locks += 1;
        await kit.redis.del(accountLock);
      }
    }
    expect(longest).toBeLessThanOrEqual(100);
    expect(locks).toBe(3 + Math.floor((250 - 40) / 20)); // at 10, 20, 40, then every 20
  });

  it('limits attempts per IP per window across accounts, and per account', async () => {
    const throttle = createLoginThrottle(kit.redis, {
      ...SMALL,
      ipLimit: 5,
      ipWindowMs: 500,
      accountLimit: 3,
      accountWindowMs: 500,
      lockout: [{ failures: 50, lockMs: 1000 }],
    });
    const ip = '203.0.113.13';
    const ipVerdicts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => throttle.begin({ tenantId, ip, account: `user${i}@example.com` })),
    );
    expect(ipVerdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(ipVerdicts.filter((v) => !v.allowed && v.reason === 'ip-rate-limited')).toHaveLength(3);

    const account = { tenantId, account: 'window@example.com' };
    const accountVerdicts = [];
    for (let i = 0; i < 4; i += 1)
      accountVerdicts.push(await throttle.begin({ ...account, ip: `198.18.0.${i}` }));
    expect(accountVerdicts.map((v) => (v.allowed ? 'ok' : v.reason))).toEqual([
      'ok',
      'ok',
      'ok',
      'account-rate-limited',
    ]);
    await sleep(550);
    expect((await throttle.begin({ tenantId, ip, account: 'user0@example.com' })).allowed).toBe(true);
  });
});
