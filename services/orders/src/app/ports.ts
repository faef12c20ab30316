import type { CartActorContract, CartOwner, CartTokens } from '@shopstream/actor-cart';
import type { Logger } from '@shopstream/service-defaults';

/** What a claim on an idempotency key found. */
export type IdempotencyClaim =
  | { readonly kind: 'claimed'; readonly claimId: string }
  /** The first call with this key and the same request finished: its answer. */
  | { readonly kind: 'replay'; readonly response: unknown }
  /** The key was used with another request. */
  | { readonly kind: 'mismatch' }
  /** A call with this key and the same request is running (within its lease). */
  | { readonly kind: 'in-progress' };

/**
 * First-writer-wins records of idempotency keys with a time to live (DynamoDB, adr/0046). An expired record
 * is absent: the key can be claimed again. CreateOrder will use the same store.
 */
export interface IdempotencyStore {
  /** Claims `key` for a request with `fingerprint` (a pending record with a lease), or says what is there. */
  claim(key: string, fingerprint: string): Promise<IdempotencyClaim>;
  /** Stores the answer that replays from now on (only by the holder of the claim). */
  complete(key: string, claimId: string, response: unknown): Promise<void>;
  /** Drops a claim whose work failed, so a retry runs again (only by the holder of the claim). */
  release(key: string, claimId: string): Promise<void>;
}

/** A typed client of CartActor for one cart (through the sidecar). */
export type CartActors = (owner: CartOwner) => CartActorContract;

export interface CartDeps {
  readonly idempotency: IdempotencyStore;
  readonly carts: CartActors;
  readonly cartTokens: CartTokens;
  readonly logger: Logger;
}
