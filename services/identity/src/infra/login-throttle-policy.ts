import { createHash } from 'node:crypto';
import { assertTenantId } from '@shopstream/service-defaults/postgres';

/** After `failures` consecutive failed sign-ins, the account is locked for `lockMs`. */
export interface LockoutStep {
  readonly failures: number;
  readonly lockMs: number;
}

export interface LoginThrottlePolicy {
  /** Sign-in attempts per client IP per fixed window (all accounts of the tenant). */
  readonly ipLimit: number;
  readonly ipWindowMs: number;
  /** Sign-in attempts per account per fixed window (any outcome). */
  readonly accountLimit: number;
  readonly accountWindowMs: number;
  /** Progressive lockout, ascending by `failures`. */
  readonly lockout: readonly LockoutStep[];
  /** After the last step, lock again (for the last step's `lockMs`) every `repeatEvery` further failures. */
  readonly repeatEvery: number;
  /** The consecutive-failure count is forgotten this long after the last attempt (a success resets it at once). */
  readonly failureMemoryMs: number;
}

/** NIST 800-63B §5.2.2 allows at most 100 consecutive failures before an account is locked. */
export const MAX_FAILURES_BEFORE_LOCK = 100;

export const DEFAULT_LOGIN_THROTTLE_POLICY: LoginThrottlePolicy = {
  ipLimit: 60,
  ipWindowMs: 60_000,
  accountLimit: 20,
  accountWindowMs: 60_000,
  lockout: [
    { failures: 10, lockMs: 60_000 },
    { failures: 20, lockMs: 5 * 60_000 },
    { failures: 40, lockMs: 30 * 60_000 },
  ],
  repeatEvery: 20,
  failureMemoryMs: 24 * 3_600_000,
};

/**
 * Throws unless the policy locks an account at least once every {@link MAX_FAILURES_BEFORE_LOCK}
 * consecutive failures, forever (steps ascending, gaps and `repeatEvery` ≤ 100), and every number is a
 * positive integer.
 */
export function checkLoginThrottlePolicy(policy: LoginThrottlePolicy): LoginThrottlePolicy {
  const positive = [
    policy.ipLimit,
    policy.ipWindowMs,
    policy.accountLimit,
    policy.accountWindowMs,
    policy.repeatEvery,
    policy.failureMemoryMs,
    ...policy.lockout.flatMap((step) => [step.failures, step.lockMs]),
  ];
  if (positive.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    throw new RangeError('Every login throttle limit, window and step must be a positive integer.');
  }
  if (policy.lockout.length === 0) throw new RangeError('The lockout needs at least one step.');
  let previous = 0;
  for (const step of policy.lockout) {
    if (step.failures <= previous || step.failures - previous > MAX_FAILURES_BEFORE_LOCK) {
      throw new RangeError(
        `Lockout steps must ascend and be at most ${MAX_FAILURES_BEFORE_LOCK} failures apart.`,
      );
    }
    previous = step.failures;
  }
  if (policy.repeatEvery > MAX_FAILURES_BEFORE_LOCK) {
    throw new RangeError(`repeatEvery must be at most ${MAX_FAILURES_BEFORE_LOCK}.`);
  }
  return policy;
}

/** How long the account is locked once its consecutive failures reach `failures` (0 = no lock now). */
export function lockMsAfter(failures: number, policy: LoginThrottlePolicy): number {
  const last = policy.lockout.at(-1);
  if (last === undefined) return 0;
  const step = policy.lockout.find((s) => s.failures === failures);
  if (step !== undefined) return step.lockMs;
  return failures > last.failures && (failures - last.failures) % policy.repeatEvery === 0 ? last.lockMs : 0;
}

export interface LoginThrottleKeys {
  readonly ipWindow: string;
  readonly accountWindow: string;
  readonly accountFailures: string;
  readonly accountLock: string;
}

/**
 * Redis keys `identity:<tenant>:signin:…`. The IP and the account (case-folded email) appear only as
 * SHA-256 digests, so key names carry no personal data in clear.
 */
export function loginThrottleKeys(tenantId: string, ip: string, account: string): LoginThrottleKeys {
  assertTenantId(tenantId);
  const prefix = `identity:${tenantId}:signin`;
  const acct = `${prefix}:acct:${digest(account.toLowerCase())}`;
  return {
    ipWindow: `${prefix}:ip:${digest(ip)}`,
    accountWindow: `${acct}:window`,
    accountFailures: `${acct}:failures`,
    accountLock: `${acct}:lock`,
  };
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}
