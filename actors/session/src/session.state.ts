import type { SessionEndReason } from './session.contract.js';

/** State keys of SessionActor. All state goes through the actor state manager, never instance fields. */
export const SessionStateKeys = {
  /** `StoredSession[]`: the active sessions. */
  sessions: 'sessions',
  /** `EndedSession[]`: recently ended session ids, so they answer inactive and cannot be reopened. */
  ended: 'ended',
  /** `number | null`: epoch ms the idle-sweep reminder is armed for (null: not armed). */
  idleSweepArmedAt: 'idle-sweep-armed-at',
} as const;

/** Reminder names (unique per actor id). */
export const SessionSchedules = {
  idleSweepReminder: 'idle-sweep',
} as const;

/** Bounds on everything the actor keeps. */
export const SessionLimits = {
  /** Active sessions per user; opening one more evicts the least recently seen. */
  maxSessions: 50,
  /** Ended session ids kept per user (newest kept). */
  maxEnded: 200,
  /** Ended session ids are forgotten after this long (longer than a refresh family may live). */
  endedRetentionMs: 30 * 24 * 60 * 60 * 1000,
  minIdleTimeoutMs: 1000,
  maxIdleTimeoutMs: 30 * 24 * 60 * 60 * 1000,
  /**
   * The idle-sweep reminder repeats with a period of at least this much as a backstop: if re-arming from
   * inside the reminder were ever lost, it fires again anyway (and is re-armed or unregistered then).
   */
  minSweepPeriodMs: 60_000,
  /** An armed time this far in the past means the reminder did not fire (or was lost): arm it again. */
  staleArmedMs: 60_000,
} as const;

/** One active session as stored (epoch milliseconds). */
export interface StoredSession {
  readonly sessionId: string;
  readonly device: string;
  readonly userAgent?: string;
  readonly ipHash?: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly idleTimeoutMs: number;
}

/** One recently ended session as stored (epoch milliseconds). */
export interface EndedSession {
  readonly sessionId: string;
  readonly endedAt: number;
  readonly reason: SessionEndReason;
}

/** Everything one SessionActor keeps besides the reminder bookkeeping. */
export interface SessionBook {
  readonly sessions: readonly StoredSession[];
  readonly ended: readonly EndedSession[];
}
