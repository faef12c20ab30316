/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return */
import { AbstractActor, Temporal } from '@dapr/dapr';
import { DomainError, ErrorKind, isDomainError } from '@shopstream/service-defaults';
import type {
  AddItemInput,
  CartActorContract,
  CartCaller,
  CartOwner,
  CartView,
  MergeInput,
  MergeResult,
  RemoveItemInput,
  RemoveOrderedInput,
  SetQuantityInput,
  SnapshotInput,
} from './cart.contract.js';
import type { CartActorDeps, CatalogProduct } from './cart.ports.js';
import {
  addLine,
  alreadyApplied,
  clearLines,
  current,
  dueAt,
  findLine,
  lineNotFound,
  mergeLines,
  planAfterChange,
  planOnReminder,
  removeLine,
  removeOrderedLines,
  requireOffer,
  setLineQuantity,
  viewCart,
  withApplied,
  withCheckout,
  type PricedProducts,
} from './cart.rules.js';
import {
  addItemInput,
  clearInput,
  getInput,
  mergeInput,
  parseCartActorId,
  parseCartInput,
  removeItemInput,
  removeOrderedInput,
  setQuantityInput,
  snapshotInput,
} from './cart.schemas.js';
import { CartSchedules, CartStateKeys, emptyCart, type StoredCart } from './cart.state.js';

/** The SDK takes Temporal durations; its polyfill's types do not resolve for the type-aware linter. */
const ms = (milliseconds: number) => Temporal.Duration.from({ milliseconds: Math.round(milliseconds) });

const sameOwner = (a: CartOwner, b: CartOwner) =>
  a.kind === b.kind &&
  a.tenantId === b.tenantId &&
  (a.kind === 'user' ? a.userId === (b as typeof a).userId : a.cartId === (b as typeof a).cartId);

const noCheckout = () =>
  new DomainError(
    ErrorKind.PermissionDenied,
    'Cart.NoCheckout',
    'This cart was not checked out for that order.',
  );

const notYourCart = () =>
  new DomainError(ErrorKind.PermissionDenied, 'Cart.NotYourCart', 'This cart belongs to someone else.');

/** The SDK registers an actor type by its class; this builds CartActor around its dependencies. */
export type CartActorClass = new (
  ...args: ConstructorParameters<typeof AbstractActor>
) => AbstractActor & CartActorContract;

/**
 * CartActor (id `cart:<tenant>:<userId>` or `cart:<tenant>:anon:<cartId>`), built with what it needs: the
 * catalog, the caller verifier and the expiry policy. See `CartActorContract` for the behaviour.
 */
export function cartActorClass(deps: CartActorDeps): CartActorClass {
  const now = deps.now ?? Date.now;

  class CartActor extends AbstractActor implements CartActorContract {
    private owner(): CartOwner {
      return parseCartActorId(this.getActorId().getId());
    }

    /** Fails (before anything is read) unless the caller's own credential names this cart. */
    private async authorize(caller: CartCaller): Promise<CartOwner> {
      const owner = this.owner();
      if (!sameOwner(owner, await deps.callers.verify(caller))) throw notYourCart();
      return owner;
    }

    private async read(owner: CartOwner, at: number): Promise<StoredCart> {
      const [, cart] = await this.getStateManager<StoredCart>().tryGetState(CartStateKeys.cart);
      return current(cart ?? emptyCart, deps.expiryMs(owner.tenantId), at);
    }

    private async readArmedAt(): Promise<number | null> {
      const [, armedAt] = await this.getStateManager<number | null>().tryGetState(
        CartStateKeys.expiryArmedAt,
      );
      return armedAt ?? null;
    }

    private async readCheckouts(): Promise<string[]> {
      const [, tickets] = await this.getStateManager<string[]>().tryGetState(CartStateKeys.checkouts);
      return tickets ?? [];
    }

    /** The products of the cart's lines as the catalog shows them now; null when it cannot be reached. */
    private async price(
      owner: CartOwner,
      cart: StoredCart,
      known: ReadonlyMap<string, CatalogProduct | null> = new Map(),
      fresh = false,
    ): Promise<PricedProducts | null> {
      const floors = new Map<string, number>();
      for (const line of cart.lines) {
        floors.set(line.productId, Math.max(floors.get(line.productId) ?? 0, line.sequence));
      }
      try {
        const entries = await Promise.all(
          [...floors].map(async ([productId, minSequence]) => {
            if (known.has(productId)) return [productId, known.get(productId) ?? null] as const;
            const product = await deps.catalog.product(owner.tenantId, productId, {
              fresh,
              minSequence,
            });
            return [productId, product] as const;
          }),
        );
        return new Map(entries);
      } catch (error) {
        if (isDomainError(error) && error.kind === ErrorKind.Unavailable) return null;
        throw error;
      }
    }

    private async view(owner: CartOwner, cart: StoredCart, known?: PricedProducts): Promise<CartView> {
      return viewCart(cart, await this.price(owner, cart, known), deps.expiryMs(owner.tenantId));
    }

    /**
     * Arms the expiry reminder if needed, then writes the cart in one save. The reminder goes first: if it
     * fails nothing is written; if the save fails it fires early, finds the cart not overdue and re-arms. On
     * failure the state manager's cache is dropped, so no half-made change is saved by a later turn.
     */
    private async commit(owner: CartOwner, cart: StoredCart, at: number): Promise<void> {
      try {
        const armedAt = await this.readArmedAt();
        const due = dueAt(cart, deps.expiryMs(owner.tenantId)) ?? at;
        const plan = planAfterChange(armedAt, due, at);
        let nextArmedAt = armedAt;
        if (plan.kind === 'arm') {
          await this.registerActorReminder(CartSchedules.expiryReminder, ms(plan.dueMs), ms(plan.periodMs));
          nextArmedAt = plan.at;
        }
        await this.getStateManager<StoredCart>().setState(CartStateKeys.cart, cart);
        await this.getStateManager<number | null>().setState(CartStateKeys.expiryArmedAt, nextArmedAt);
        await this.getStateManager().saveState();
      } catch (error) {
        await this.getStateManager().clearCache();
        throw error;
      }
    }

    /** Runs one mutation: authorize, skip a key already applied, change, record the key, save, view. */
    private async mutate(
      caller: CartCaller,
      idempotencyKey: string,
      change: (
        owner: CartOwner,
        cart: StoredCart,
        at: number,
      ) => Promise<{ cart: StoredCart; known?: PricedProducts }>,
    ): Promise<CartView> {
      const owner = await this.authorize(caller);
      const at = now();
      const cart = await this.read(owner, at);
      if (alreadyApplied(cart, idempotencyKey, at)) return this.view(owner, cart);
      const result = await change(owner, cart, at);
      const next = withApplied(result.cart, idempotencyKey, at);
      await this.commit(owner, next, at);
      return this.view(owner, next, result.known);
    }

    private async freshProduct(owner: CartOwner, productId: string): Promise<CatalogProduct | null> {
      return deps.catalog.product(owner.tenantId, productId, { fresh: true, minSequence: 0 });
    }

    async get(input: { caller: CartCaller }): Promise<CartView> {
      const { caller } = parseCartInput(getInput, input, 'Get');
      const owner = await this.authorize(caller);
      return this.view(owner, await this.read(owner, now()));
    }

    async addItem(input: AddItemInput): Promise<CartView> {
      const command = parseCartInput(addItemInput, input, 'AddItem');
      return this.mutate(command.caller, command.idempotencyKey, async (owner, cart, at) => {
        const product = await this.freshProduct(owner, command.productId);
        const offer = requireOffer(product, command);
        return {
          cart: addLine(cart, offer, command.quantity, at),
          known: new Map([[offer.productId, product]]),
        };
      });
    }

    async setQuantity(input: SetQuantityInput): Promise<CartView> {
      const command = parseCartInput(setQuantityInput, input, 'SetQuantity');
      return this.mutate(command.caller, command.idempotencyKey, async (owner, cart, at) => {
        const line = findLine(cart, command.skuId, command.region);
        if (!line) throw lineNotFound();
        const product = await this.freshProduct(owner, line.productId);
        const offer = requireOffer(product, line);
        return {
          cart: setLineQuantity(cart, offer, command.quantity, at),
          known: new Map([[offer.productId, product]]),
        };
      });
    }

    async removeItem(input: RemoveItemInput): Promise<CartView> {
      const command = parseCartInput(removeItemInput, input, 'RemoveItem');
      return this.mutate(command.caller, command.idempotencyKey, (_owner, cart, at) =>
        Promise.resolve({ cart: removeLine(cart, command.skuId, command.region, at) }),
      );
    }

    async clear(input: { caller: CartCaller; idempotencyKey: string }): Promise<CartView> {
      const command = parseCartInput(clearInput, input, 'Clear');
      return this.mutate(command.caller, command.idempotencyKey, (_owner, cart, at) =>
        Promise.resolve({ cart: clearLines(cart, at) }),
      );
    }

    async merge(input: MergeInput): Promise<MergeResult> {
      const command = parseCartInput(mergeInput, input, 'Merge');
      let mergedLines = 0;
      let dropped: MergeResult['dropped'] = [];
      const cart = await this.mutate(command.caller, command.idempotencyKey, async (owner, current, at) => {
        const ids = [...new Set(command.lines.map((line) => line.productId))];
        const products = new Map(
          await Promise.all(ids.map(async (id) => [id, await this.freshProduct(owner, id)] as const)),
        );
        const merged = mergeLines(current, command.lines, products, at);
        mergedLines = merged.mergedLines;
        dropped = merged.dropped;
        return { cart: merged.cart, known: products };
      });
      return { cart, mergedLines, dropped };
    }

    async snapshot(input: SnapshotInput): Promise<CartView> {
      const { caller, orderId } = parseCartInput(snapshotInput, input, 'Snapshot');
      const owner = await this.authorize(caller);
      const cart = await this.read(owner, now());
      const view = viewCart(
        cart,
        await this.price(owner, cart, new Map(), true),
        deps.expiryMs(owner.tenantId),
      );
      const tickets = await this.readCheckouts();
      try {
        await this.getStateManager<string[]>().setState(
          CartStateKeys.checkouts,
          withCheckout(tickets, orderId),
        );
        await this.getStateManager().saveState();
      } catch (error) {
        await this.getStateManager().clearCache();
        throw error;
      }
      return view;
    }

    async removeOrdered(input: RemoveOrderedInput): Promise<CartView> {
      const command = parseCartInput(removeOrderedInput, input, 'RemoveOrdered');
      const owner = this.owner();
      if (!(await this.readCheckouts()).includes(command.orderId)) throw noCheckout();
      const at = now();
      const cart = await this.read(owner, at);
      if (alreadyApplied(cart, command.idempotencyKey, at)) return this.view(owner, cart);
      const next = withApplied(removeOrderedLines(cart, command.lines, at), command.idempotencyKey, at);
      await this.commit(owner, next, at);
      return this.view(owner, next);
    }

    /** The expiry reminder (the only one): empty the cart if nobody changed it in time, else re-arm. */
    override async receiveReminder(): Promise<void> {
      const owner = this.owner();
      const at = now();
      const [, stored] = await this.getStateManager<StoredCart>().tryGetState(CartStateKeys.cart);
      // Read before removing: the SDK's `tryRemoveState` of a key it has not loaded in this turn asks the
      // store whether it exists and answers "no" for any value without a `length` (a number, an object).
      await this.readArmedAt();
      const plan = planOnReminder(stored ?? emptyCart, deps.expiryMs(owner.tenantId), at);
      try {
        if (plan.kind === 'expire') {
          await this.unregisterActorReminder(CartSchedules.expiryReminder);
          await this.getStateManager().tryRemoveState(CartStateKeys.cart);
          await this.getStateManager().tryRemoveState(CartStateKeys.expiryArmedAt);
        } else {
          await this.registerActorReminder(CartSchedules.expiryReminder, ms(plan.dueMs), ms(plan.periodMs));
          await this.getStateManager<number | null>().setState(CartStateKeys.expiryArmedAt, plan.at);
        }
        await this.getStateManager().saveState();
      } catch (error) {
        await this.getStateManager().clearCache();
        throw error;
      }
    }
  }

  return CartActor;
}
