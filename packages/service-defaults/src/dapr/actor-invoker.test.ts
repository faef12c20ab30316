import { describe, expect, it } from 'vitest';
import { actorCallError, daprActorInvoker } from './actor-invoker.js';

describe('actorCallError', () => {
  it('recovers code, kind and field errors, also quoted inside daprd’s message', () => {
    const direct = JSON.stringify({
      name: 'DomainError',
      code: 'Cart.InvalidAddItem',
      kind: 'validation',
      fields: [{ field: 'quantity', detail: 'must be a whole number from 1 to 99' }],
    });
    const wrapped = JSON.stringify({ errorCode: 'ERR_ACTOR_INVOKE_METHOD', message: `error: ${direct}` });
    for (const text of [direct, wrapped]) {
      expect(actorCallError('CartActor.addItem', 500, text, 'Cart.Unavailable')).toMatchObject({
        code: 'Cart.InvalidAddItem',
        kind: 'validation',
        fields: [{ field: 'quantity', detail: 'must be a whole number from 1 to 99' }],
      });
    }
  });

  it('calls anything else unavailable, with the given code', () => {
    expect(actorCallError('CartActor.get', 500, 'boom', 'Cart.Unavailable')).toMatchObject({
      code: 'Cart.Unavailable',
      kind: 'unavailable',
    });
    expect(actorCallError('x', 500, '{"code":"Cart.X","kind":"made_up"}', 'Cart.Unavailable')).toMatchObject({
      code: 'Cart.Unavailable',
    });
  });

  it('reports an unreachable sidecar as unavailable', async () => {
    const fetch = (() => Promise.reject(new Error('ECONNREFUSED'))) as typeof globalThis.fetch;
    const invoke = daprActorInvoker({ daprHttpPort: 1, unavailableCode: 'Cart.Unavailable', fetch });
    await expect(invoke('CartActor', 'cart:a:b', 'get', {})).rejects.toMatchObject({
      code: 'Cart.Unavailable',
    });
  });
});
