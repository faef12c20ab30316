import type { Redis } from 'ioredis';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import {
  checkLoginThrottlePolicy,
  loginThrottleKeys,
  type LoginThrottleKeys,
  type LoginThrottlePolicy,
} from './login-throttle-policy.js';
import type { LoginAttempt, LoginThrottle } from '../app/ports.js';

// KEYS: ipWindow, accountWindow, accountFailures, accountLock.
// ARGV: ipLimit, ipWindowMs, accountLimit, accountWindowMs, failureMemoryMs, repeatEvery, steps, then
// `steps` pairs (failures, lockMs), ascending. Returns {0, failures} | {1|2|3, retryAfterMs}.
const BEGIN_SCRIPT = `
local lockTtl = redis.call('PTTL', KEYS[4])
if lockTtl > 0 then return {1, lockTtl} end
local function full(key, limit)
  local count = tonumber(redis.call('GET', key) or '0')
  if count < limit then return 0 end
  local ttl = redis.call('PTTL', key)
  if ttl < 1 then ttl = 1 end
  return ttl
end
local ipTtl = full(KEYS[1], tonumber(ARGV[1]))
if ipTtl > 0 then return {2, ipTtl} end
local accountTtl = full(KEYS[2], tonumber(ARGV[3]))
if accountTtl > 0 then return {3, accountTtl} end
local function bump(key, windowMs)
  local count = redis.call('INCR', key)
  if count == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, windowMs) end
end
bump(KEYS[1], tonumber(ARGV[2]))
bump(KEYS[2], tonumber(ARGV[4]))
local failures = redis.call('INCR', KEYS[3])
redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[5]))
local repeatEvery = tonumber(ARGV[6])
local lockMs, lastFailures, lastLockMs = 0, 0, 0
for i = 0, tonumber(ARGV[7]) - 1 do
  local stepFailures = tonumber(ARGV[8 + 2 * i])
  local stepLockMs = tonumber(ARGV[9 + 2 * i])
  if stepFailures == failures then lockMs = stepLockMs end
  lastFailures, lastLockMs = stepFailures, stepLockMs
end
if lockMs == 0 and failures > lastFailures and (failures - lastFailures) % repeatEvery == 0 then
  lockMs = lastLockMs
end
if lockMs > 0 then redis.call('SET', KEYS[4], '1', 'PX', lockMs) end
return {0, failures}
`;

const REASONS = { 1: 'account-locked', 2: 'ip-rate-limited', 3: 'account-rate-limited' } as const;

/** Sign-in rate limits and progressive lockout in Redis (keys `identity:<tenant>:signin:…`). */
export function createLoginThrottle(redis: Redis, policy: LoginThrottlePolicy): LoginThrottle {
  checkLoginThrottlePolicy(policy);
  const args = [
    policy.ipLimit,
    policy.ipWindowMs,
    policy.accountLimit,
    policy.accountWindowMs,
    policy.failureMemoryMs,
    policy.repeatEvery,
    policy.lockout.length,
    ...policy.lockout.flatMap((step) => [step.failures, step.lockMs]),
  ];
  const keysOf = (attempt: LoginAttempt): LoginThrottleKeys =>
    loginThrottleKeys(attempt.tenantId, attempt.ip, attempt.account);

  return {
    async begin(attempt) {
      const keys = keysOf(attempt);
      const reply = await guard(() =>
        redis.eval(
          BEGIN_SCRIPT,
          4,
          keys.ipWindow,
          keys.accountWindow,
          keys.accountFailures,
          keys.accountLock,
          ...args,
        ),
      );
      if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
        throw unavailable(new Error('Unexpected reply from the login throttle script.'));
      }
      const [status, value] = reply as [number, number];
      if (status === 0) return { allowed: true, consecutiveFailures: value };
      const reason = REASONS[status as keyof typeof REASONS];
      if (reason === undefined) throw unavailable(new Error('Unexpected login throttle status.'));
      return { allowed: false, reason, retryAfterMs: value };
    },
    async succeeded(attempt) {
      const keys = keysOf(attempt);
      await guard(() => redis.del(keys.accountFailures, keys.accountLock));
    },
  };
}

/** Redis down → fail closed (no sign-in without the throttle), as a retryable `unavailable`. */
async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw unavailable(error);
  }
}

function unavailable(cause: unknown): DomainError {
  return new DomainError(
    ErrorKind.Unavailable,
    'Identity.ThrottleUnavailable',
    'Sign-in is temporarily unavailable.',
    { cause },
  );
}
