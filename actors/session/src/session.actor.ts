/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
import { AbstractActor, Temporal } from '@dapr/dapr';
import type {
  ListSessionsResult,
  OpenSessionInput,
  OpenSessionResult,
  RevokeAllSessionsResult,
  RevokeSessionResult,
  SessionActivity,
  SessionActorContract,
  SessionRevocationReason,
  TouchSessionResult,
} from './session.contract.js';
import {
  emptyBook,
  expiresAt,
  findActive,
  findEnded,
  nextSweepAt,
  openSession,
  planIdleSweep,
  revokeAllSessions,
  revokeSession,
  sweepExpired,
  toIso,
  touchSession,
  viewSessions,
} from './session.rules.js';
import {
  openSessionInput,
  parseInput,
  parseSessionActorId,
  revokeAllSessionsInput,
  revokeSessionInput,
  sessionIdInput,
} from './session.schemas.js';
import {
  SessionSchedules,
  SessionStateKeys,
  type EndedSession,
  type SessionBook,
  type StoredSession,
} from './session.state.js';

/**
 * The SDK takes Temporal durations (it sends `toString()`, e.g. "PT0.5S" → "0.5s"). The polyfill's types do
 * not resolve under NodeNext for the type-aware linter, so its "unsafe" rules are off for this file.
 */
const ms = (milliseconds: number) => Temporal.Duration.from({ milliseconds: Math.round(milliseconds) });

/** One user's sessions (id `<tenant>:<userId>`); see `SessionActorContract` for how identity uses it. */
export class SessionActor extends AbstractActor implements SessionActorContract {
  private async readBook(): Promise<SessionBook> {
    const [, sessions] = await this.getStateManager<StoredSession[]>().tryGetState(SessionStateKeys.sessions);
    const [, ended] = await this.getStateManager<EndedSession[]>().tryGetState(SessionStateKeys.ended);
    return { sessions: sessions ?? emptyBook.sessions, ended: ended ?? emptyBook.ended };
  }

  private async readArmedAt(): Promise<number | null> {
    const [, armedAt] = await this.getStateManager<number | null>().tryGetState(
      SessionStateKeys.idleSweepArmedAt,
    );
    return armedAt ?? null;
  }

  /** Fails the call (before anything is read or written) unless the id is `<tenant>:<userId>`. */
  private checkId(): void {
    parseSessionActorId(this.getActorId().getId());
  }

  /**
   * Adjusts the idle-sweep reminder to `book`, then writes `book` and the armed time in one save. The
   * reminder goes first: if it fails nothing is written; if the save fails the reminder at worst fires
   * early, finds nothing to do and re-arms. On any failure the state manager's cache is dropped, so no
   * half-made change is saved by a later turn.
   */
  private async commit(
    book: SessionBook,
    armedAt: number | null,
    now: number,
    justFired = false,
  ): Promise<void> {
    try {
      const plan = planIdleSweep(armedAt, nextSweepAt(book.sessions, now), now, justFired);
      let nextArmedAt = armedAt;
      if (plan.kind === 'arm') {
        await this.registerActorReminder(
          SessionSchedules.idleSweepReminder,
          ms(plan.dueMs),
          ms(plan.periodMs),
        );
        nextArmedAt = plan.at;
      } else if (plan.kind === 'disarm') {
        await this.unregisterActorReminder(SessionSchedules.idleSweepReminder);
        nextArmedAt = null;
      }
      await this.getStateManager<StoredSession[]>().setState(SessionStateKeys.sessions, [...book.sessions]);
      await this.getStateManager<EndedSession[]>().setState(SessionStateKeys.ended, [...book.ended]);
      await this.getStateManager<number | null>().setState(SessionStateKeys.idleSweepArmedAt, nextArmedAt);
      await this.getStateManager().saveState();
    } catch (error) {
      await this.getStateManager().clearCache();
      throw error;
    }
  }

  async open(input: OpenSessionInput): Promise<OpenSessionResult> {
    this.checkId();
    const command = parseInput(openSessionInput, input, 'Open');
    const now = Date.now();
    const { book, session, evicted } = openSession(await this.readBook(), command, now);
    await this.commit(book, await this.readArmedAt(), now);
    return {
      sessionId: session.sessionId,
      createdAt: toIso(session.createdAt),
      lastSeenAt: toIso(session.lastSeenAt),
      expiresAt: toIso(expiresAt(session)),
      evictedSessionIds: evicted,
    };
  }

  async touch(input: { sessionId: string }): Promise<TouchSessionResult> {
    this.checkId();
    const { sessionId } = parseInput(sessionIdInput, input, 'Touch');
    const now = Date.now();
    const { book, session } = touchSession(await this.readBook(), sessionId, now);
    if (!session) return { sessionId, active: false, lastSeenAt: null, expiresAt: null };
    await this.commit(book, await this.readArmedAt(), now);
    return {
      sessionId,
      active: true,
      lastSeenAt: toIso(session.lastSeenAt),
      expiresAt: toIso(expiresAt(session)),
    };
  }

  async list(): Promise<ListSessionsResult> {
    this.checkId();
    const armedAt = await this.readArmedAt();
    return {
      sessions: viewSessions(await this.readBook(), Date.now()),
      idleSweepAt: armedAt === null ? null : toIso(armedAt),
    };
  }

  async revoke(input: { sessionId: string; reason: SessionRevocationReason }): Promise<RevokeSessionResult> {
    this.checkId();
    const { sessionId, reason } = parseInput(revokeSessionInput, input, 'Revoke');
    const now = Date.now();
    const { book, revoked } = revokeSession(await this.readBook(), sessionId, reason, now);
    await this.commit(book, await this.readArmedAt(), now);
    return { sessionId, revoked };
  }

  async revokeAll(input: {
    reason: SessionRevocationReason;
    exceptSessionId?: string;
  }): Promise<RevokeAllSessionsResult> {
    this.checkId();
    const { reason, exceptSessionId } = parseInput(revokeAllSessionsInput, input, 'RevokeAll');
    const now = Date.now();
    const { book, revoked } = revokeAllSessions(await this.readBook(), reason, exceptSessionId, now);
    await this.commit(book, await this.readArmedAt(), now);
    return { revokedSessionIds: revoked };
  }

  async isActive(input: { sessionId: string }): Promise<SessionActivity> {
    this.checkId();
    const { sessionId } = parseInput(sessionIdInput, input, 'IsActive');
    const now = Date.now();
    const book = await this.readBook();
    if (findActive(book, sessionId, now)) return { sessionId, active: true, endedAt: null, endReason: null };
    const ended = findEnded(book, sessionId);
    const expired = book.sessions.find((s) => s.sessionId === sessionId);
    if (ended) return { sessionId, active: false, endedAt: toIso(ended.endedAt), endReason: ended.reason };
    if (expired)
      return { sessionId, active: false, endedAt: toIso(expiresAt(expired)), endReason: 'idle-timeout' };
    return { sessionId, active: false, endedAt: null, endReason: null };
  }

  /** The idle-sweep reminder (the only reminder): drop expired sessions, re-arm for the next or unregister. */
  override async receiveReminder(): Promise<void> {
    this.checkId();
    const now = Date.now();
    const { book } = sweepExpired(await this.readBook(), now);
    await this.commit(book, null, now, true);
  }
}
