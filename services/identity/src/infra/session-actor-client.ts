import { SESSION_ACTOR_TYPE, sessionActorId, type SessionActorContract } from '@shopstream/actor-session';
import {
  actorCallError as sharedActorCallError,
  daprActorInvoker as sharedDaprActorInvoker,
  type ActorInvoker,
  type DaprActorInvokerOptions,
  type DomainError,
} from '@shopstream/service-defaults';
import type { SessionActorClient } from '../app/ports.js';

export type { ActorInvoker };

const UNAVAILABLE = 'Session.Unavailable';

/** Turns a failed SessionActor call back into the actor's DomainError (see service-defaults). */
export const actorCallError = (method: string, status: number, text: string): DomainError =>
  sharedActorCallError(`SessionActor.${method}`, status, text, UNAVAILABLE);

/** Invokes actors through the local sidecar's HTTP API; failures without a DomainError are `Session.Unavailable`. */
export function daprActorInvoker(options: Omit<DaprActorInvokerOptions, 'unavailableCode'>): ActorInvoker {
  return sharedDaprActorInvoker({ ...options, unavailableCode: UNAVAILABLE });
}

type Method = keyof SessionActorContract;
type Input<M extends Method> = Parameters<SessionActorContract[M]>;
type Output<M extends Method> = Awaited<ReturnType<SessionActorContract[M]>>;

export function createSessionActorClient(invoke: ActorInvoker): SessionActorClient {
  return {
    forUser(tenantId, userId) {
      const id = sessionActorId(tenantId, userId);
      const call =
        <M extends Method>(method: M) =>
        async (...args: Input<M>): Promise<Output<M>> =>
          (await invoke(SESSION_ACTOR_TYPE, id, method, args[0])) as Output<M>;
      return {
        open: call('open'),
        touch: call('touch'),
        list: call('list'),
        revoke: call('revoke'),
        revokeAll: call('revokeAll'),
        isActive: call('isActive'),
      };
    },
  };
}
