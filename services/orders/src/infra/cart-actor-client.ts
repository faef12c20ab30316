import { CART_ACTOR_TYPE, cartActorId, type CartActorContract } from '@shopstream/actor-cart';
import type { ActorInvoker } from '@shopstream/service-defaults';
import type { CartActors } from '../app/ports.js';

type Method = keyof CartActorContract;

/** CartActor's contract for one cart, called through the sidecar's actor API. */
export function cartActorClient(invoke: ActorInvoker): CartActors {
  return (owner) => {
    const id = cartActorId(owner);
    const call =
      <M extends Method>(method: M) =>
      async (
        input: Parameters<CartActorContract[M]>[0],
      ): Promise<Awaited<ReturnType<CartActorContract[M]>>> =>
        (await invoke(CART_ACTOR_TYPE, id, method, input)) as Awaited<ReturnType<CartActorContract[M]>>;
    return {
      get: call('get'),
      addItem: call('addItem'),
      setQuantity: call('setQuantity'),
      removeItem: call('removeItem'),
      clear: call('clear'),
      merge: call('merge'),
      snapshot: call('snapshot'),
      removeOrdered: call('removeOrdered'),
    };
  };
}
