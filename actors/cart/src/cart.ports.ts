import type { CartCaller, CartOwner, MoneyView } from './cart.contract.js';

/** One SKU of a product as the catalog shows it to shoppers now. */
export interface CatalogSku {
  readonly skuId: string;
  readonly code: string;
  readonly options: Readonly<Record<string, string>>;
  readonly prices: readonly { readonly region: string; readonly price: MoneyView }[];
  readonly stock: readonly { readonly region: string; readonly available: number }[];
}

/** A product as the catalog shows it to shoppers of one tenant. */
export interface CatalogProduct {
  readonly productId: string;
  readonly title: string;
  /** False for archived products (readable by id, never sold). */
  readonly active: boolean;
  readonly sequence: number;
  readonly skus: readonly CatalogSku[];
}

/** What the cart needs from the catalog (implemented over CatalogService.GetProduct through the sidecar). */
export interface CartCatalog {
  /**
   * The product as shoppers of `tenantId` see it, or null when there is none (unknown, a draft, another
   * tenant's). `fresh`: bypass read caches (for changes); `minSequence`: never older than that. Throws an
   * unavailable DomainError when the catalog cannot be reached.
   */
  product(
    tenantId: string,
    productId: string,
    options: { readonly fresh: boolean; readonly minSequence: number },
  ): Promise<CatalogProduct | null>;
}

/** Verifies a caller's credential; throws an unauthenticated DomainError when it is not valid. */
export interface CartCallerVerifier {
  verify(caller: CartCaller): Promise<CartOwner>;
}

export interface CartActorDeps {
  readonly catalog: CartCatalog;
  readonly callers: CartCallerVerifier;
  /** How long a cart of this tenant lives without a change. */
  readonly expiryMs: (tenantId: string) => number;
  readonly now?: () => number;
}
