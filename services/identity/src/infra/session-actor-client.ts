import { SESSION_ACTOR_TYPE, sessionActorId, type SessionActorContract } from '@shopstream/actor-session';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { SessionActorClient } from '../app/ports.js';

/** Calls one actor method and returns its JSON result; fails with a DomainError. */
export type ActorInvoker = (
  actorType: string,
  actorId: string,
  method: string,
  body?: unknown,
) => Promise<unknown>;

export interface DaprActorInvokerOptions {
  readonly daprHttpPort: number;
  readonly daprApiToken?: string | undefined;
  readonly fetch?: typeof globalThis.fetch;
}

const ERROR_KINDS = new Set<string>(Object.values(ErrorKind));

/**
 * Turns a failed actor call back into the actor's DomainError. daprd passes the app's error body on, either
 * as is or quoted inside its own message, so the code and kind are looked for in the text.
 */
export function actorCallError(method: string, status: number, text: string): DomainError {
  const code = /"code\\?"\s*:\s*\\?"([A-Za-z]+\.[A-Za-z]+)\\?"/.exec(text)?.[1];
  const kind = /"kind\\?"\s*:\s*\\?"([a-z_]+)\\?"/.exec(text)?.[1];
  if (code && kind && ERROR_KINDS.has(kind)) {
    return new DomainError(kind as ErrorKind, code, `SessionActor.${method} failed: ${code}`);
  }
  return new DomainError(ErrorKind.Unavailable, 'Session.Unavailable', `SessionActor.${method} → ${status}`);
}

/** Invokes actors through the local sidecar's HTTP API (`/v1.0/actors/<type>/<id>/method/<method>`). */
export function daprActorInvoker(options: DaprActorInvokerOptions): ActorInvoker {
  const doFetch = options.fetch ?? globalThis.fetch;
  return async (actorType, actorId, method, body) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.daprApiToken) headers['dapr-api-token'] = options.daprApiToken;
    const url = `http://127.0.0.1:${options.daprHttpPort}/v1.0/actors/${encodeURIComponent(actorType)}/${encodeURIComponent(actorId)}/method/${encodeURIComponent(method)}`;
    const res = await doFetch(url, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status !== 200) throw actorCallError(method, res.status, text);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
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
