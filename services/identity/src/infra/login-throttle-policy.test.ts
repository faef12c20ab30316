import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLoginThrottlePolicy,
  DEFAULT_LOGIN_THROTTLE_POLICY,
  lockMsAfter,
  loginThrottleKeys,
  MAX_FAILURES_BEFORE_LOCK,
  type LoginThrottlePolicy,
} from './login-throttle-policy.js';

const policy = DEFAULT_LOGIN_THROTTLE_POLICY;

describe('lockMsAfter', () => {
  it('locks progressively at 10, 20 and 40 failures, then every 20 with the longest lock', () => {
    const locks = Array.from({ length: 120 }, (_, i) => [i + 1, lockMsAfter(i + 1, policy)] as const)
      .filter(([, ms]) => ms > 0)
      .map(([failures, ms]) => `${failures}:${ms / 60_000}m`);
    expect(locks).toEqual(['10:1m', '20:5m', '40:30m', '60:30m', '80:30m', '100:30m', '120:30m']);
  });

  it('never lets more than 100 consecutive failures pass without a lock (any valid policy)', () => {
    const policies = fc
      .record({
        gaps: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        repeatEvery: fc.integer({ min: 1, max: 100 }),
      })
      .map(({ gaps, repeatEvery }): LoginThrottlePolicy => ({
        ...policy,
        lockout: gaps.map((_, i) => ({
          failures: gaps.slice(0, i + 1).reduce((a, b) => a + b, 0),
          lockMs: 1000 * (i + 1),
        })),
        repeatEvery,
      }));
    fc.assert(
      fc.property(policies, (p) => {
        checkLoginThrottlePolicy(p);
        let sinceLock = 0;
        for (let failures = 1; failures <= 1000; failures += 1) {
          sinceLock = lockMsAfter(failures, p) > 0 ? 0 : sinceLock + 1;
          if (sinceLock >= MAX_FAILURES_BEFORE_LOCK) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkLoginThrottlePolicy', () => {
  it('accepts the default policy', () => {
    expect(checkLoginThrottlePolicy(policy)).toBe(policy);
  });

  it.each([
    ['a first step after 101 failures', { lockout: [{ failures: 101, lockMs: 1000 }] }],
    [
      'a gap over 100',
      {
        lockout: [
          { failures: 10, lockMs: 1 },
          { failures: 111, lockMs: 1 },
        ],
      },
    ],
    [
      'descending steps',
      {
        lockout: [
          { failures: 20, lockMs: 1 },
          { failures: 10, lockMs: 1 },
        ],
      },
    ],
    ['no steps', { lockout: [] }],
    ['repeatEvery over 100', { repeatEvery: 101 }],
    ['a zero window', { ipWindowMs: 0 }],
    ['a fractional limit', { accountLimit: 1.5 }],
  ])('refuses %s', (_, change) => {
    expect(() => checkLoginThrottlePolicy({ ...policy, ...change })).toThrow(RangeError);
  });
});

describe('loginThrottleKeys', () => {
  it('scopes keys by tenant and hides the IP and the account behind digests', () => {
    const keys = loginThrottleKeys('acme', '203.0.113.7', 'Alice@Example.com');
    for (const key of [keys.ipWindow, keys.accountWindow, keys.accountFailures, keys.accountLock]) {
      expect(key.startsWith('identity:acme:signin:')).toBe(true);
      expect(key).not.toContain('alice');
      expect(key).not.toContain('203.0.113.7');
    }
    expect(loginThrottleKeys('acme', '203.0.113.7', 'alice@example.com')).toEqual(keys);
    expect(loginThrottleKeys('other', '203.0.113.7', 'alice@example.com').accountLock).not.toBe(
      keys.accountLock,
    );
  });

  it('refuses a malformed tenant id', () => {
    expect(() => loginThrottleKeys('Bad:Tenant', '203.0.113.7', 'a@b.c')).toThrow(/tenant id/);
  });
});
