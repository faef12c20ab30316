import type { PasswordHasher } from '../domain/password-hasher.js';
import type { IdentityStore } from '../infra/identity-store.js';
import type { LoginThrottle } from '../infra/login-throttle.js';
import type { KeyRingSource } from '../infra/signing-key-store.js';

export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface IdentityConfig {
  /** `iss` of access tokens (and what verifiers expect). */
  readonly issuer: string;
  /** `aud` of access tokens. */
  readonly audience: string;
  /** Access-token lifetime, 1–3600 s. */
  readonly accessTokenTtlSec: number;
  /** Absolute lifetime of a refresh family (a session) from sign-in. */
  readonly refreshLifetimeMs: number;
  /** Concurrent-refresh grace window (ADR 10); 0 = strict. */
  readonly refreshGraceMs: number;
  /** `source` of the CloudEvents identity publishes (SERVICE_NAME). */
  readonly eventSource: string;
}

/** Everything a use case may need; each one takes only the part it uses (`Pick<IdentityDeps, …>`). */
export interface IdentityDeps {
  readonly store: IdentityStore;
  readonly hasher: PasswordHasher;
  readonly keys: KeyRingSource;
  readonly throttle: LoginThrottle;
  readonly clock: Clock;
  readonly config: IdentityConfig;
}
