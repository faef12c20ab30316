import { describe, expect, it } from 'vitest';
import {
  emptyBook,
  findActive,
  nextSweepAt,
  openSession,
  planIdleSweep,
  pruneEnded,
  revokeAllSessions,
  revokeSession,
  sweepExpired,
  touchSession,
  viewSessions,
  type OpenSessionCommand,
} from './session.rules.js';
import { SessionLimits, type SessionBook, type StoredSession } from './session.state.js';

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const MIN = 60_000;

const command = (sessionId: string, idleTimeoutMs = 30 * MIN): OpenSessionCommand => ({
  sessionId,
  device: `device ${sessionId}`,
  userAgent: 'Mozilla/5.0',
  ipHash: 'abc123',
  idleTimeoutMs,
});

const stored = (sessionId: string, lastSeenAt: number, idleTimeoutMs: number): StoredSession => ({
  sessionId,
  device: 'd',
  createdAt: lastSeenAt,
  lastSeenAt,
  idleTimeoutMs,
});

/** Opens sessions one minute apart, starting at T0. */
function bookWith(...ids: string[]): SessionBook {
  return bookWithTimeout(30 * MIN, ...ids);
}

function bookWithTimeout(idleTimeoutMs: number, ...ids: string[]): SessionBook {
  return ids.reduce(
    (book, id, i) => openSession(book, command(id, idleTimeoutMs), T0 + i * MIN).book,
    emptyBook,
  );
}

describe('nextSweepAt', () => {
  it('is null without sessions', () => {
    expect(nextSweepAt([], T0)).toBeNull();
  });

  it('is the earliest lastSeen + idle timeout', () => {
    const sessions = [stored('a', T0, 10 * MIN), stored('b', T0 + MIN, 3 * MIN), stored('c', T0, 60 * MIN)];
    expect(nextSweepAt(sessions, T0)).toBe(T0 + 4 * MIN);
  });

  it('is never before now (an overdue sweep runs right away)', () => {
    expect(nextSweepAt([stored('a', T0, MIN)], T0 + 10 * MIN)).toBe(T0 + 10 * MIN);
  });
});

describe('planIdleSweep', () => {
  it('does nothing without sessions and without a reminder', () => {
    expect(planIdleSweep(null, null, T0)).toEqual({ kind: 'none' });
  });

  it('unregisters the reminder when no session is left', () => {
    expect(planIdleSweep(T0 + MIN, null, T0)).toEqual({ kind: 'disarm' });
    expect(planIdleSweep(null, null, T0, true)).toEqual({ kind: 'disarm' });
  });

  it('arms for the next expiry when nothing is armed, with a backstop period of at least a minute', () => {
    expect(planIdleSweep(null, T0 + 3000, T0)).toEqual({
      kind: 'arm',
      at: T0 + 3000,
      dueMs: 3000,
      periodMs: SessionLimits.minSweepPeriodMs,
    });
    expect(planIdleSweep(null, T0 + 10 * MIN, T0)).toMatchObject({ dueMs: 10 * MIN, periodMs: 10 * MIN });
  });

  it('keeps a reminder armed early enough (touch moves expiry later: no re-registration)', () => {
    expect(planIdleSweep(T0 + MIN, T0 + 5 * MIN, T0)).toEqual({ kind: 'keep' });
    expect(planIdleSweep(T0 + MIN, T0 + MIN, T0)).toEqual({ kind: 'keep' });
  });

  it('re-arms earlier when a session expires before the armed time', () => {
    expect(planIdleSweep(T0 + 10 * MIN, T0 + 2 * MIN, T0)).toMatchObject({ kind: 'arm', at: T0 + 2 * MIN });
  });

  it('re-arms a reminder whose armed time is long past (it did not fire or was lost)', () => {
    const now = T0 + 10 * MIN;
    expect(planIdleSweep(T0, now, now)).toMatchObject({ kind: 'arm', dueMs: 0 });
    expect(planIdleSweep(now - 1000, now + MIN, now)).toEqual({ kind: 'keep' });
  });

  it('always re-arms from inside the reminder', () => {
    expect(planIdleSweep(T0 + MIN, T0 + 5 * MIN, T0, true)).toMatchObject({ kind: 'arm', at: T0 + 5 * MIN });
  });
});

describe('openSession', () => {
  it('records created and last seen, and keeps user agent and IP hash out of the view', () => {
    const { book, session, evicted } = openSession(emptyBook, command('s1'), T0);
    expect(session).toMatchObject({
      sessionId: 's1',
      createdAt: T0,
      lastSeenAt: T0,
      idleTimeoutMs: 30 * MIN,
    });
    expect(evicted).toEqual([]);
    expect(viewSessions(book, T0)).toEqual([
      {
        sessionId: 's1',
        device: 'device s1',
        createdAt: new Date(T0).toISOString(),
        lastSeenAt: new Date(T0).toISOString(),
        expiresAt: new Date(T0 + 30 * MIN).toISOString(),
      },
    ]);
    expect(JSON.stringify(viewSessions(book, T0))).not.toMatch(/Mozilla|abc123/);
  });

  it('refreshes an already open session, keeping createdAt (retries are idempotent)', () => {
    const { book } = openSession(bookWith('s1'), command('s1', 5 * MIN), T0 + 2 * MIN);
    expect(book.sessions).toHaveLength(1);
    expect(book.sessions[0]).toMatchObject({
      createdAt: T0,
      lastSeenAt: T0 + 2 * MIN,
      idleTimeoutMs: 5 * MIN,
    });
  });

  it('refuses to reopen an ended session', () => {
    const { book } = revokeSession(bookWith('s1'), 's1', 'sign-out', T0 + MIN);
    expect(() => openSession(book, command('s1'), T0 + 2 * MIN)).toThrow(
      expect.objectContaining({ code: 'Session.Ended', kind: 'conflict' }),
    );
  });

  it('keeps at most maxSessions, evicting the least recently seen', () => {
    const ids = Array.from({ length: SessionLimits.maxSessions }, (_, i) => `s${i}`);
    let book = bookWithTimeout(24 * 60 * MIN, ...ids);
    book = touchSession(book, 's0', T0 + 100 * MIN).book; // s0 is now the most recent; s1 the oldest
    const result = openSession(book, command('new'), T0 + 101 * MIN);
    expect(result.evicted).toEqual(['s1']);
    expect(result.book.sessions).toHaveLength(SessionLimits.maxSessions);
    expect(result.book.ended).toEqual([{ sessionId: 's1', endedAt: T0 + 101 * MIN, reason: 'evicted' }]);
    expect(findActive(result.book, 's0', T0 + 101 * MIN)).toBeDefined();
  });
});

describe('touchSession', () => {
  it('moves last seen and so the expiry', () => {
    const { book, session } = touchSession(bookWith('s1'), 's1', T0 + 20 * MIN);
    expect(session?.lastSeenAt).toBe(T0 + 20 * MIN);
    expect(nextSweepAt(book.sessions, T0 + 20 * MIN)).toBe(T0 + 50 * MIN);
  });

  it('does not revive an unknown, revoked or idle-expired session', () => {
    const book = revokeSession(bookWith('s1', 's2'), 's1', 'sign-out', T0 + 2 * MIN).book;
    expect(touchSession(book, 'nope', T0 + 3 * MIN).session).toBeUndefined();
    expect(touchSession(book, 's1', T0 + 3 * MIN).session).toBeUndefined();
    const late = touchSession(book, 's2', T0 + MIN + 30 * MIN);
    expect(late.session).toBeUndefined();
    expect(late.book.sessions).toEqual([]);
  });
});

describe('revokeSession / revokeAllSessions', () => {
  it('ends one session and remembers when and why', () => {
    const { book, revoked } = revokeSession(bookWith('s1', 's2'), 's1', 'reuse-detected', T0 + 5 * MIN);
    expect(revoked).toBe(true);
    expect(book.sessions.map((s) => s.sessionId)).toEqual(['s2']);
    expect(book.ended).toEqual([{ sessionId: 's1', endedAt: T0 + 5 * MIN, reason: 'reuse-detected' }]);
    const again = revokeSession(book, 's1', 'sign-out', T0 + 6 * MIN);
    expect(again.revoked).toBe(false);
    expect(again.book.ended).toEqual(book.ended);
  });

  it('signs out everywhere, optionally except the current session', () => {
    const all = revokeAllSessions(bookWith('a', 'b', 'c'), 'sign-out-everywhere', undefined, T0 + 5 * MIN);
    expect(all.revoked).toEqual(['a', 'b', 'c']);
    expect(all.book.sessions).toEqual([]);
    const except = revokeAllSessions(bookWith('a', 'b', 'c'), 'password-changed', 'b', T0 + 5 * MIN);
    expect(except.revoked).toEqual(['a', 'c']);
    expect(except.book.sessions.map((s) => s.sessionId)).toEqual(['b']);
  });
});

describe('sweepExpired', () => {
  it('removes exactly the sessions idle past their timeout and records them as idle-timeout', () => {
    let book = openSession(emptyBook, command('short', 3000), T0).book;
    book = openSession(book, command('long', 10 * MIN), T0).book;
    expect(sweepExpired(book, T0 + 2999).expired).toEqual([]);
    const swept = sweepExpired(book, T0 + 3000);
    expect(swept.expired).toEqual(['short']);
    expect(swept.book.sessions.map((s) => s.sessionId)).toEqual(['long']);
    expect(swept.book.ended).toEqual([{ sessionId: 'short', endedAt: T0 + 3000, reason: 'idle-timeout' }]);
    expect(nextSweepAt(swept.book.sessions, T0 + 3000)).toBe(T0 + 10 * MIN);
  });

  it('lists no expired session even before the reminder swept it', () => {
    const book = openSession(emptyBook, command('s1', 3000), T0).book;
    expect(viewSessions(book, T0 + 3000)).toEqual([]);
    expect(findActive(book, 's1', T0 + 3000)).toBeUndefined();
  });
});

describe('pruneEnded', () => {
  it('forgets ended ids after the retention and keeps at most maxEnded (newest)', () => {
    const ended = Array.from({ length: SessionLimits.maxEnded + 10 }, (_, i) => ({
      sessionId: `e${i}`,
      endedAt: T0 + i,
      reason: 'sign-out' as const,
    }));
    const pruned = pruneEnded(ended, T0 + 1000);
    expect(pruned).toHaveLength(SessionLimits.maxEnded);
    expect(pruned[0]?.sessionId).toBe('e10');
    const old = pruneEnded(ended.slice(0, 10), T0 + SessionLimits.endedRetentionMs + 5);
    expect(old.map((e) => e.sessionId)).toEqual(['e6', 'e7', 'e8', 'e9']);
  });
});
