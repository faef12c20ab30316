import type { SessionActorContract } from '@shopstream/actor-session';
import type { CloudEvent } from '@shopstream/service-defaults';
import type { OutboxEntry } from '@shopstream/service-defaults/postgres';
import type { PasswordHasher } from '../domain/password-hasher.js';
import type { RefreshFamily, RevocationReason } from '../domain/refresh-family.js';
import type { KeyRing } from '../domain/signing-keys.js';
import type { ServiceClient } from '../domain/service-client.js';
import type { Credential, NewUser, User } from '../domain/user.js';

/*
 * The ports of identity's use cases: everything app/ needs from the outside, named here once. infra/
 * implements them (Postgres repositories, the Redis login throttle, the key-ring store, the SessionActor
 * client through the sidecar); wiring/ plugs the implementations in; adapters/ see only these types.
 */

// ---- Postgres (infra/identity-store.ts and its repositories) ----

/** Everything a use case may touch inside ONE tenant-scoped transaction. */
export interface TenantTransaction {
  readonly tenantId: string;
  readonly tenants: TenantRepository;
  readonly users: UserRepository;
  readonly credentials: CredentialRepository;
  readonly refreshFamilies: RefreshFamilyRepository;
  /** Writes an event to the outbox in this transaction: published if and only if it commits. */
  enqueue<T>(entry: OutboxEntry<T>): Promise<CloudEvent<T>>;
}

/** Identity's Postgres, seen by the use cases. */
export interface IdentityStore {
  /**
   * Runs `fn` in one transaction with row-level security set to `tenantId` (`withTenant`): it commits when
   * `fn` resolves and rolls back when it throws. Throws `Tenant.Invalid` for a malformed id.
   */
  inTenant<T>(tenantId: string, fn: (tx: TenantTransaction) => Promise<T>): Promise<T>;
}

/** The tenant row of the transaction's tenant (row-level security: a tenant sees only itself). */
export interface TenantRepository {
  /** Registers the transaction's tenant; `false` when it already exists. */
  create(displayName: string): Promise<boolean>;
  exists(): Promise<boolean>;
}

/** Users of the transaction's tenant (row-level security); deleted users are invisible. */
export interface UserRepository {
  /** Throws `DomainError(Conflict, 'Identity.EmailTaken')` when the email (case-folded) is already used. */
  insert(user: NewUser): Promise<void>;
  findById(id: string): Promise<User | undefined>;
  /** Case-insensitive on the whole address. */
  findByEmail(email: string): Promise<User | undefined>;
  /** Replaces the user's roles and admin flag; false when there is no such (live) user. */
  setRoles(id: string, roles: readonly string[], admin: boolean): Promise<boolean>;
  /**
   * Deletes the account: the row stays as a tombstone (id, tenant, deleted_at) so events and references
   * resolve, but the email is replaced by `<id>@deleted.invalid` (no personal data left, the address is
   * free for a new sign-up) and roles are cleared. False when there is no such (live) user.
   */
  markDeleted(id: string, now: number): Promise<boolean>;
}

/** Password hashes of the transaction's tenant (row-level security). */
export interface CredentialRepository {
  insert(credential: Credential): Promise<void>;
  find(userId: string): Promise<Credential | undefined>;
  /** Replaces the hash; `false` when the user has no credential. */
  update(credential: Credential): Promise<boolean>;
  /** Deletes the user's credential (account deletion); `false` when there was none. */
  remove(userId: string): Promise<boolean>;
}

/** What is stored beside the family's state, for listing sessions later (never secret). */
export interface SessionDevice {
  /** Free text from the client ("Firefox on Linux"), at most 100 characters. */
  readonly deviceLabel?: string;
  /** SHA-256 of the User-Agent header: recognise a device without keeping the header. */
  readonly userAgentHash?: string;
}

/** Refresh families of the transaction's tenant (row-level security). */
export interface RefreshFamilyRepository {
  insert(family: RefreshFamily, device?: SessionDevice): Promise<void>;
  find(familyId: string): Promise<RefreshFamily | undefined>;
  /**
   * Stores `next` only if the family is still at `expectedGeneration` and not revoked (revocation is
   * terminal, so a rotation decided before a concurrent sign-out can never resurrect the family).
   * `false` = someone else wrote first: re-read and decide again.
   */
  compareAndSet(familyId: string, expectedGeneration: number, next: RefreshFamily): Promise<boolean>;
  /** Revokes one family; `false` when it does not exist or was already revoked. */
  revoke(familyId: string, reason: RevocationReason, now: number): Promise<boolean>;
  /** Revokes the live family of the user's session `sessionId`; `false` when there is none. */
  revokeSession(userId: string, sessionId: string, reason: RevocationReason, now: number): Promise<boolean>;
  /** Revokes every live family of the user except the one of `keepSessionId`; returns the revoked family ids. */
  revokeAllOfUser(
    userId: string,
    reason: RevocationReason,
    now: number,
    keepSessionId?: string,
  ): Promise<string[]>;
  /** Family ids of the user's live (not revoked, not expired at `now`) sessions. */
  listLive(userId: string, now: number): Promise<string[]>;
}

// ---- Redis (infra/login-throttle.ts) ----

export interface LoginAttempt {
  readonly tenantId: string;
  /** Client IP as seen by the edge. */
  readonly ip: string;
  /** The account being tried: the email as entered (case-folded here), whether or not it exists. */
  readonly account: string;
}

export type ThrottleVerdict =
  | { readonly allowed: true; readonly consecutiveFailures: number }
  | {
      readonly allowed: false;
      readonly reason: 'account-locked' | 'ip-rate-limited' | 'account-rate-limited';
      readonly retryAfterMs: number;
    };

export interface LoginThrottle {
  /**
   * Atomically (one Lua script): refuses while the account is locked or a window is full; otherwise counts
   * the attempt in both windows and as a consecutive failure — until {@link succeeded} says otherwise — and
   * locks the account when that count reaches a lockout step. Counting before the password is checked
   * keeps the bound even when many attempts run at once.
   */
  begin(attempt: LoginAttempt): Promise<ThrottleVerdict>;
  /** The password was right: the consecutive-failure count and any lock are cleared. */
  succeeded(attempt: LoginAttempt): Promise<void>;
}

// ---- Signing keys (infra/signing-key-store.ts) ----

/** Where use cases get the key ring that signs access tokens (and whose JWKS is published). */
export interface KeyRingSource {
  keyRing(): KeyRing;
}

export interface SigningKeyStore extends KeyRingSource {
  /** Re-reads the stored ring (another instance may have rotated); call periodically. */
  reload(): Promise<KeyRing>;
  /**
   * Makes a fresh key the signer and keeps the old public key published for `retainMs` (≥ access-token
   * TTL + clock tolerance + verifiers' JWKS cache TTL). Serialised across instances by a row lock.
   */
  rotate(options: { readonly now: number; readonly retainMs: number }): Promise<KeyRing>;
  /**
   * Rotates only if the current key is at least `maxAgeMs` old, deciding under the same row lock, so
   * instances running the schedule together rotate once. Returns the ring in force afterwards.
   */
  rotateIfOlderThan(
    maxAgeMs: number,
    options: { readonly now: number; readonly retainMs: number },
  ): Promise<KeyRing>;
}

// ---- Service clients (infra/service-client-registry.ts, infra/service-token-audit.ts; adr/0065) ----

/** The declared service clients (dapr/service-clients.yaml), loaded once at start. */
export interface ServiceClientRegistry {
  find(clientId: string): ServiceClient | undefined;
}

/** One grant decision, as audited: ids only, never the secret or the token. */
export type ServiceTokenOutcome =
  | {
      readonly outcome: 'issued';
      readonly clientId: string;
      readonly tenantId: string;
      readonly tokenId: string;
      readonly expiresAt: number;
    }
  | {
      readonly outcome: 'invalid_client' | 'unknown_tenant';
      /** As the caller sent it (a known client id or not; the id is not a secret). */
      readonly clientId: string;
      readonly tenantId: string;
    };

/** Where grant decisions go: a structured audit log line and a counter per client and outcome. */
export interface ServiceTokenAudit {
  record(outcome: ServiceTokenOutcome): void;
}

// ---- SessionActor (actors/session, hosted by identity-sessions; infra/session-actor-client.ts) ----

/** SessionActor's contract for one user, as identity calls it. */
export type UserSessions = SessionActorContract;

/** A typed client of SessionActor: `client.forUser(tenantId, userId).open({...})`. */
export interface SessionActorClient {
  forUser(tenantId: string, userId: string): UserSessions;
}

// ---- Clock, configuration, and the bundle the use cases pick from ----

export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number;
}

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
