export { SessionActor } from './session.actor.js';
export {
  SESSION_ACTOR_TYPE,
  sessionActorId,
  type ListSessionsResult,
  type OpenSessionInput,
  type OpenSessionResult,
  type RevokeAllSessionsResult,
  type RevokeSessionResult,
  type SessionActivity,
  type SessionActorContract,
  type SessionEndReason,
  type SessionRevocationReason,
  type SessionView,
  type TouchSessionResult,
} from './session.contract.js';
export { parseSessionActorId, sessionActorIdSchema } from './session.schemas.js';
export { SessionLimits, SessionSchedules, SessionStateKeys } from './session.state.js';
