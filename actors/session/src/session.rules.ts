/**
 * SessionActor's decisions as pure functions of (state, input, now): no I/O, no clock. The actor reads its
 * state, calls one of these, arms/disarms the reminder as `planIdleSweep` says, then writes the result.
 */
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { SessionEndReason, SessionRevocationReason, SessionView } from './session.contract.js';
import { SessionLimits, type EndedSession, type SessionBook, type StoredSession } from './session.state.js';

export const emptyBook: SessionBook = { sessions: [], ended: [] };

export const expiresAt = (session: StoredSession): number => session.lastSeenAt + session.idleTimeoutMs;

export const isExpired = (session: StoredSession, now: number): boolean => expiresAt(session) <= now;

/** When the idle sweep must run next: the earliest expiry (never before `now`), or null with no session. */
export function nextSweepAt(sessions: readonly StoredSession[], now: number): number | null {
  if (sessions.length === 0) return null;
  return Math.max(now, Math.min(...sessions.map(expiresAt)));
}

export type SweepPlan =
  /** (Re-)register the reminder: first due in `dueMs`, then every `periodMs` as a backstop. */
  | { readonly kind: 'arm'; readonly at: number; readonly dueMs: number; readonly periodMs: number }
  /** The armed reminder fires early enough (a too-early firing only re-arms). */
  | { readonly kind: 'keep' }
  /** No session left: unregister the reminder. */
  | { readonly kind: 'disarm' }
  /** No session and nothing armed. */
  | { readonly kind: 'none' };

/**
 * Decides what to do with the idle-sweep reminder, given when it is armed for (`armedAt`, null if not) and
 * when the next sweep is due (`nextAt` from `nextSweepAt`). Touching a session moves its expiry later, which
 * needs no re-registration (the reminder fires early, finds nothing and re-arms); opening one that expires
 * earlier does. `justFired`: called from the reminder itself, which (periodic backstop) still exists and
 * must be re-armed for `nextAt` or unregistered.
 */
export function planIdleSweep(
  armedAt: number | null,
  nextAt: number | null,
  now: number,
  justFired = false,
): SweepPlan {
  if (nextAt === null) return armedAt === null && !justFired ? { kind: 'none' } : { kind: 'disarm' };
  const armedInTime =
    !justFired && armedAt !== null && armedAt <= nextAt && armedAt > now - SessionLimits.staleArmedMs;
  if (armedInTime) return { kind: 'keep' };
  const dueMs = Math.max(0, nextAt - now);
  return { kind: 'arm', at: nextAt, dueMs, periodMs: Math.max(dueMs, SessionLimits.minSweepPeriodMs) };
}

/** Keeps ended ids within retention and the cap (newest kept). */
export function pruneEnded(ended: readonly EndedSession[], now: number): EndedSession[] {
  return ended
    .filter((entry) => entry.endedAt > now - SessionLimits.endedRetentionMs)
    .sort((a, b) => a.endedAt - b.endedAt)
    .slice(-SessionLimits.maxEnded);
}

function endSessions(
  book: SessionBook,
  ending: readonly StoredSession[],
  reason: SessionEndReason,
  now: number,
): SessionBook {
  if (ending.length === 0) return { sessions: book.sessions, ended: pruneEnded(book.ended, now) };
  const ids = new Set(ending.map((s) => s.sessionId));
  return {
    sessions: book.sessions.filter((s) => !ids.has(s.sessionId)),
    ended: pruneEnded(
      [
        ...book.ended.filter((e) => !ids.has(e.sessionId)),
        ...ending.map((s) => ({ sessionId: s.sessionId, endedAt: now, reason })),
      ],
      now,
    ),
  };
}

/** Removes every session idle past its timeout (recorded as ended: `idle-timeout`). */
export function sweepExpired(book: SessionBook, now: number): { book: SessionBook; expired: string[] } {
  const expired = book.sessions.filter((s) => isExpired(s, now));
  return { book: endSessions(book, expired, 'idle-timeout', now), expired: expired.map((s) => s.sessionId) };
}

export const findEnded = (book: SessionBook, sessionId: string): EndedSession | undefined =>
  book.ended.find((e) => e.sessionId === sessionId);

/** The session if it is active at `now` (known, not ended, not idle-expired). */
export function findActive(book: SessionBook, sessionId: string, now: number): StoredSession | undefined {
  const session = book.sessions.find((s) => s.sessionId === sessionId);
  return session && !isExpired(session, now) ? session : undefined;
}

export interface OpenSessionCommand {
  readonly sessionId: string;
  readonly device: string;
  readonly userAgent?: string | undefined;
  readonly ipHash?: string | undefined;
  readonly idleTimeoutMs: number;
}

/**
 * Records a session seen at `now`. Reopening an active session refreshes it (keeps `createdAt`); an ended
 * session cannot be reopened. Beyond `maxSessions` the least recently seen sessions are evicted.
 */
export function openSession(
  current: SessionBook,
  command: OpenSessionCommand,
  now: number,
): { book: SessionBook; session: StoredSession; evicted: string[] } {
  const { book } = sweepExpired(current, now);
  if (findEnded(book, command.sessionId)) {
    throw new DomainError(ErrorKind.Conflict, 'Session.Ended', 'This session has ended; sign in again.');
  }
  const existing = book.sessions.find((s) => s.sessionId === command.sessionId);
  const session: StoredSession = {
    sessionId: command.sessionId,
    device: command.device,
    ...(command.userAgent === undefined ? {} : { userAgent: command.userAgent }),
    ...(command.ipHash === undefined ? {} : { ipHash: command.ipHash }),
    createdAt: existing?.createdAt ?? now,
    lastSeenAt: now,
    idleTimeoutMs: command.idleTimeoutMs,
  };
  const others = book.sessions.filter((s) => s.sessionId !== command.sessionId);
  const overflow = Math.max(0, others.length + 1 - SessionLimits.maxSessions);
  const evict = [...others].sort((a, b) => a.lastSeenAt - b.lastSeenAt).slice(0, overflow);
  const afterEviction = endSessions({ sessions: others, ended: book.ended }, evict, 'evicted', now);
  return {
    book: { sessions: [...afterEviction.sessions, session], ended: afterEviction.ended },
    session,
    evicted: evict.map((s) => s.sessionId),
  };
}

/** Marks an active session seen at `now`; an inactive one is left alone (`session` undefined). */
export function touchSession(
  current: SessionBook,
  sessionId: string,
  now: number,
): { book: SessionBook; session: StoredSession | undefined } {
  const { book } = sweepExpired(current, now);
  const found = findActive(book, sessionId, now);
  if (!found) return { book, session: undefined };
  const session = { ...found, lastSeenAt: now };
  return {
    book: {
      sessions: book.sessions.map((s) => (s.sessionId === sessionId ? session : s)),
      ended: book.ended,
    },
    session,
  };
}

/** Ends one active session; `revoked` is false if it was not active (idempotent). */
export function revokeSession(
  current: SessionBook,
  sessionId: string,
  reason: SessionRevocationReason,
  now: number,
): { book: SessionBook; revoked: boolean } {
  const { book } = sweepExpired(current, now);
  const found = findActive(book, sessionId, now);
  return { book: endSessions(book, found ? [found] : [], reason, now), revoked: found !== undefined };
}

/** Ends every active session except `exceptSessionId`. */
export function revokeAllSessions(
  current: SessionBook,
  reason: SessionRevocationReason,
  exceptSessionId: string | undefined,
  now: number,
): { book: SessionBook; revoked: string[] } {
  const { book } = sweepExpired(current, now);
  const ending = book.sessions.filter((s) => s.sessionId !== exceptSessionId);
  return { book: endSessions(book, ending, reason, now), revoked: ending.map((s) => s.sessionId) };
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** What the user sees: active sessions, most recently seen first, without user agent or IP hash. */
export function viewSessions(book: SessionBook, now: number): SessionView[] {
  return book.sessions
    .filter((s) => !isExpired(s, now))
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    .map((s) => ({
      sessionId: s.sessionId,
      device: s.device,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(expiresAt(s)),
    }));
}

export { iso as toIso };
