import type { CartActorContract, CartOwner, CartTokens } from '@shopstream/actor-cart';
import type { Logger, NewEvent } from '@shopstream/service-defaults';
import type { CancelAnswer, CheckoutInput, CheckoutLine, PaymentChangedSignal } from '../domain/checkout.js';
import type { Order, OrderState, OrderTransition } from '../domain/order.js';

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

/** Postgres (database `orders`), one tenant per transaction (row-level security binds it). */
export interface OrderStore {
  inTenant<T>(tenantId: string, work: (tx: OrderTransaction) => Promise<T>): Promise<T>;
  /** Orders of any tenant still PENDING and created before `createdBefore`, oldest first (adr/0027). */
  pendingOrders(createdBefore: number, limit: number): Promise<PendingOrder[]>;
}

/** An order on the pending list (ids only). */
export interface PendingOrder {
  readonly tenantId: string;
  readonly orderId: string;
  readonly createdAt: number;
}

export interface OrderQuery {
  readonly userId: string | undefined;
  readonly states: readonly OrderState[];
  readonly createdAfter: number | undefined;
  readonly createdBefore: number | undefined;
  readonly after: { readonly createdAt: number; readonly id: string } | undefined;
  readonly limit: number;
}

export interface OrderTransaction {
  /**
   * Writes a new order with its first transition (and puts it on the pending list); false when an order with
   * that id exists already.
   */
  insertOrder(order: Order, first: OrderTransition): Promise<boolean>;
  findOrder(orderId: string): Promise<Order | undefined>;
  /** The order, locked for this transaction (FOR UPDATE): one transition at a time. */
  lockOrder(orderId: string): Promise<Order | undefined>;
  /**
   * Writes the order if its stored version is `order.version - 1`, and the transition beside it; a move out
   * of PENDING takes the order off the pending list.
   */
  recordTransition(order: Order, transition: OrderTransition): Promise<void>;
  /** Takes an order off the pending list (one that is not PENDING, or gone). */
  forgetPending(orderId: string): Promise<void>;
  transitions(orderId: string): Promise<OrderTransition[]>;
  listOrders(query: OrderQuery): Promise<Order[]>;
  enqueue(topic: string, event: NewEvent<unknown>): Promise<void>;
}

/** The Temporal side of a checkout, as the orders API sees it. */
export interface CheckoutStarter {
  /**
   * Starts `checkout:<orderId>`; a checkout already started (or finished) with that id is not an error. True
   * when this call started it.
   */
  start(input: CheckoutInput): Promise<boolean>;
  /** Whether Temporal knows `checkout:<orderId>` (running or closed). */
  exists(orderId: string): Promise<boolean>;
  /** Asks the running checkout to cancel (a Temporal update: the saga answers whether it still could). */
  cancel(tenantId: string, orderId: string): Promise<CancelAnswer>;
}

/** Tells a running checkout about a payment change; a checkout that is gone is not an error. */
export interface CheckoutSignals {
  paymentChanged(orderId: string, change: PaymentChangedSignal): Promise<void>;
}

/**
 * This service's own access token for a tenant (identity's client-credentials grant, with roles
 * `catalog.stock` and `payments.charge`), short-lived and refreshed before expiry by the implementation.
 */
export interface ServiceCredentials {
  accessToken(tenantId: string): Promise<string>;
  /** Drops a token a callee refused (UNAUTHENTICATED), so the next call gets a new one. */
  invalidate(tenantId: string): void;
}

/** Catalog `UpdateStock`: reservations named by idempotency key (a repeat returns the first outcome). */
export interface StockReservations {
  /** Throws `Orders.InsufficientStock` / `Orders.ReservationReleased` (business, not retryable). */
  reserve(tenantId: string, key: string, line: CheckoutLine): Promise<void>;
  /** Gives back what `key` reserved; a key never reserved is recorded as released (a late reserve fails). */
  release(tenantId: string, key: string, line: CheckoutLine): Promise<void>;
  /**
   * Moves what `key` reserved from reserved to sold (the order is final); a replay changes nothing. Throws
   * `Orders.ReservationReleased` when the reservation was given back (business, not retryable).
   */
  sell(tenantId: string, key: string, line: CheckoutLine): Promise<void>;
}

/** Our view of a payment of the payments service. */
export interface PaymentView {
  readonly paymentId: string;
  readonly status: 'requires_action' | 'authorized' | 'captured' | 'failed' | 'canceled' | 'refunded';
  readonly failureCode: string;
}

/** PaymentsService through the sidecar, with this service's identity. */
export interface PaymentsGateway {
  createIntent(
    tenantId: string,
    command: {
      readonly idempotencyKey: string;
      readonly orderId: string;
      readonly currency: string;
      readonly amountMinor: number;
      readonly paymentMethodId: string;
    },
  ): Promise<PaymentView>;
  capture(tenantId: string, idempotencyKey: string, paymentId: string): Promise<PaymentView>;
  cancel(tenantId: string, idempotencyKey: string, paymentId: string): Promise<PaymentView>;
  refund(tenantId: string, idempotencyKey: string, paymentId: string): Promise<PaymentView>;
  /** The order's payment, if one was created. */
  findByOrder(tenantId: string, orderId: string): Promise<PaymentView | undefined>;
}

/** What the OrdersService use cases need. */
export interface OrdersDeps {
  readonly idempotency: IdempotencyStore;
  readonly carts: CartActors;
  readonly store: OrderStore;
  readonly checkout: CheckoutStarter;
  readonly payments: PaymentsGateway;
  readonly clock: () => number;
  /** SERVICE_NAME, the `source` of our events. */
  readonly eventSource: string;
  readonly authorizationTimeoutMs: number;
  readonly logger: Logger;
}

/** What the checkout steps (called by the saga's activities) need. */
export interface CheckoutStepDeps {
  readonly store: OrderStore;
  readonly stock: StockReservations;
  readonly payments: PaymentsGateway;
  readonly carts: CartActors;
  readonly clock: () => number;
  readonly eventSource: string;
  readonly logger: Logger;
}
