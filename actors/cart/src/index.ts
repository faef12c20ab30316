export { cartActorClass, type CartActorClass } from './cart.actor.js';
export {
  CART_ACTOR_TYPE,
  cartActorId,
  type AddItemInput,
  type CartActorContract,
  type CartCaller,
  type CartLineView,
  type CartOwner,
  type CartView,
  type DroppedLineView,
  type LineProblem,
  type MergeInput,
  type MergeLineInput,
  type MergeResult,
  type MoneyView,
  type RemoveItemInput,
  type RemoveOrderedInput,
  type SnapshotInput,
  type SetQuantityInput,
} from './cart.contract.js';
export type {
  CartActorDeps,
  CartCallerVerifier,
  CartCatalog,
  CatalogProduct,
  CatalogSku,
} from './cart.ports.js';
export { createCartTokens, MIN_CART_TOKEN_SECRET_LENGTH, type CartTokens } from './cart-token.js';
export { CartCommandSchemas, parseCartActorId, parseCartInput } from './cart.schemas.js';
export { CartLimits, CartSchedules, CartStateKeys } from './cart.state.js';
