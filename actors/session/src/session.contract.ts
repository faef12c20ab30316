/** Actor type name as registered with Dapr (the URL segment in /v1.0/actors/<type>/<id>/...). */
export const SESSION_ACTOR_TYPE = 'SessionActor';

/** The actor id of a user's SessionActor: `<tenant>:<userId>` (one actor per user). */
export function sessionActorId(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

/** Why identity ends a session (the caller chooses one). */
export type SessionRevocationReason =
  'sign-out' | 'sign-out-everywhere' | 'reuse-detected' | 'password-changed' | 'account-deleted' | 'admin';

/** Why a session ended: a revocation, or the actor itself (idle expiry, eviction beyond the cap). */
export type SessionEndReason = SessionRevocationReason | 'idle-timeout' | 'evicted';

export interface OpenSessionInput {
  /** Opaque id chosen by identity (the refresh family's session id and the access token's `sid`). */
  sessionId: string;
  /** Human-readable device label shown to the user ("Firefox on Linux"). */
  device: string;
  /** Kept for security review only; never returned by `list`. */
  userAgent?: string;
  /** A keyed hash of the client IP (never the raw IP); kept for security review only. */
  ipHash?: string;
  /** The session ends this long after it was last seen (1 s to 30 days). */
  idleTimeoutMs: number;
}

export interface OpenSessionResult {
  sessionId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Sessions pushed out because the user exceeded the cap; identity revokes their refresh families. */
  evictedSessionIds: string[];
}

export interface TouchSessionResult {
  sessionId: string;
  /** False if the session is unknown, revoked or idle-expired; nothing is changed then. */
  active: boolean;
  lastSeenAt: string | null;
  expiresAt: string | null;
}

/** What a user may see about one of their sessions: no user agent, no IP hash. */
export interface SessionView {
  sessionId: string;
  device: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface ListSessionsResult {
  /** Active sessions, most recently seen first. */
  sessions: SessionView[];
  /**
   * When the idle-sweep reminder is next due (null: none armed). Operational, not for the user: it shows the
   * reminder re-armed itself after sweeping.
   */
  idleSweepAt: string | null;
}

export interface RevokeSessionResult {
  sessionId: string;
  /** False if it was not active (unknown, already revoked or expired): revoking is idempotent. */
  revoked: boolean;
}

export interface RevokeAllSessionsResult {
  revokedSessionIds: string[];
}

export interface SessionActivity {
  sessionId: string;
  active: boolean;
  /** For a session that ended recently (kept up to 30 days, at most 200): when and why; else null. */
  endedAt: string | null;
  endReason: SessionEndReason | null;
}

/**
 * The sessions of one user (actor id `<tenant>:<userId>`, see `sessionActorId`). Each method takes at most one
 * input object (Dapr delivers it as the JSON request body) and returns an object (the SDK would send an
 * `undefined` result as the text "undefined", which is not JSON). Each call is one actor turn: Dapr
 * serialises calls (and the idle-sweep reminder) per actor id, so two refreshes of one user never race here.
 * Invalid input (malformed actor id, missing/oversized fields, timeout out of range) fails the call with a
 * `Session.Invalid*` validation error and changes nothing.
 *
 * How identity uses it:
 * - sign-in: `open` with a fresh session id (the refresh family's `sessionId`, also the access token's `sid`);
 *   revoke the refresh families of any `evictedSessionIds`.
 * - refresh: `touch` — it renews the idle expiry and answers `active`; identity refuses to rotate the refresh
 *   token when it is false (or calls `isActive` when it only needs to check, e.g. ValidateToken with `sid`).
 * - sign-out: `revoke({ sessionId, reason: 'sign-out' })` and revoke the refresh family.
 * - sign out everywhere / password change: `revokeAll({ reason, exceptSessionId? })`, then revoke the families
 *   of `revokedSessionIds`.
 * - refresh-token reuse detected: `revoke({ sessionId: family.sessionId, reason: 'reuse-detected' })`.
 * - account page: `list` shows the user's devices.
 *
 * Idle sessions end by themselves: one durable reminder (`idle-sweep`) fires at the earliest
 * `lastSeenAt + idleTimeoutMs`, removes every expired session and re-arms for the next one (or is
 * unregistered when none is left). Reminders survive restarts (Dapr scheduler). `touch`/`isActive` also
 * treat an expired-but-not-yet-swept session as inactive, so expiry never depends on the reminder's timing.
 */
export interface SessionActorContract {
  /** Records a session (or refreshes it if already active; `createdAt` is kept). A revoked id cannot reopen. */
  open(input: OpenSessionInput): Promise<OpenSessionResult>;
  /** Marks the session seen now and renews its idle expiry. */
  touch(input: { sessionId: string }): Promise<TouchSessionResult>;
  list(): Promise<ListSessionsResult>;
  revoke(input: { sessionId: string; reason: SessionRevocationReason }): Promise<RevokeSessionResult>;
  /** "Sign out everywhere": ends every active session except `exceptSessionId` (the caller's own, if given). */
  revokeAll(input: {
    reason: SessionRevocationReason;
    exceptSessionId?: string;
  }): Promise<RevokeAllSessionsResult>;
  isActive(input: { sessionId: string }): Promise<SessionActivity>;
}
