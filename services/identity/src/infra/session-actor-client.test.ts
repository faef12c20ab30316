import { describe, expect, it } from 'vitest';
import { actorCallError, createSessionActorClient, daprActorInvoker } from './session-actor-client.js';

describe('SessionActor client', () => {
  it('posts to the sidecar actor API for <tenant>:<userId> with the API token', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetch = ((url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(
        new Response(JSON.stringify({ sessionId: 's1', revoked: true }), { status: 200 }),
      );
    }) as typeof globalThis.fetch;
    const client = createSessionActorClient(
      daprActorInvoker({ daprHttpPort: 3500, daprApiToken: 't', fetch }),
    );
    const result = await client.forUser('tenant-a', 'u1').revoke({ sessionId: 's1', reason: 'sign-out' });
    expect(result).toEqual({ sessionId: 's1', revoked: true });
    expect(calls[0]?.url).toBe('http://127.0.0.1:3500/v1.0/actors/SessionActor/tenant-a%3Au1/method/revoke');
    expect(new Headers(calls[0]?.init?.headers).get('dapr-api-token')).toBe('t');
    expect(calls[0]?.init?.body).toBe('{"sessionId":"s1","reason":"sign-out"}');
  });

  it("recovers the actor's error code, also when daprd quotes it inside its own message", () => {
    const direct = '{"name":"DomainError","code":"Session.InvalidOpen","kind":"validation","fields":[]}';
    const wrapped = JSON.stringify({ errorCode: 'ERR_ACTOR_INVOKE_METHOD', message: `error: ${direct}` });
    for (const text of [direct, wrapped]) {
      expect(actorCallError('open', 500, text)).toMatchObject({
        code: 'Session.InvalidOpen',
        kind: 'validation',
      });
    }
    expect(actorCallError('open', 503, 'upstream down')).toMatchObject({
      code: 'Session.Unavailable',
      kind: 'unavailable',
    });
  });
});
