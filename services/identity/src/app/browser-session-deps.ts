import type { IdentityDeps, SessionActorClient } from './ports.js';

/** A browser session ends after this long without a refresh (SessionActor's idle reminder). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;

/** What the browser-session use cases need: identity's own ports plus the user's SessionActor. */
export interface BrowserSessionDeps {
  readonly deps: IdentityDeps;
  readonly sessions: SessionActorClient;
  /** Warnings only: never tokens, passwords or emails. */
  readonly logger: { warn(object: object, message: string): void };
}
