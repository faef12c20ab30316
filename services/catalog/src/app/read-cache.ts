import type { ListingPage } from '../infra/listing-repository.js';
import type { Product } from '../domain/product.js';

/** What applying a change notification did (adr/0017). */
export type ChangeOutcome = 'applied' | 'already-applied' | 'duplicate';

export interface ProductChange {
  readonly tenantId: string;
  readonly productId: string;
  readonly sequence: number;
  /** Content changes (not stock) also make every cached list of the tenant stale. */
  readonly listsChanged: boolean;
}

/**
 * The read cache of GetProduct and ListProducts (adr/0017). Entries carry the product's change sequence;
 * a per-product floor (the highest sequence known to be committed) keeps anything older from being served or
 * stored. Implementations never throw on reads: a failing cache is a miss.
 */
export interface ReadCache {
  readonly enabled: boolean;
  /** A cached product at least as new as the floor and `minSequence`, or undefined. */
  getProduct(tenantId: string, productId: string, minSequence: number): Promise<Product | undefined>;
  /** Stores a product read from Postgres unless something newer is cached or known. */
  putProduct(product: Product): Promise<void>;
  /** The page cached under the tenant's current list generation, and that generation (to store under). */
  getList(tenantId: string, key: string): Promise<{ page: CachedListPage | undefined; generation: string }>;
  putList(tenantId: string, key: string, generation: string, page: CachedListPage): Promise<void>;
  /** A committed change: raises the floor, drops older entries, bumps the list generation when asked. */
  changed(change: ProductChange): Promise<ChangeOutcome>;
  /** The same for a ProductChanged event, at most once per event id (`duplicate` for a redelivery). */
  applyEvent(eventId: string, change: ProductChange): Promise<ChangeOutcome>;
}

export interface CachedListPage extends Omit<ListingPage, 'next'> {
  readonly nextPageToken: string;
}

/** CATALOG_READ_CACHE=off: every read goes to Postgres. */
export const noReadCache: ReadCache = {
  enabled: false,
  getProduct: () => Promise.resolve(undefined),
  putProduct: () => Promise.resolve(),
  getList: () => Promise.resolve({ page: undefined, generation: '0' }),
  putList: () => Promise.resolve(),
  changed: () => Promise.resolve('applied'),
  applyEvent: () => Promise.resolve('applied'),
};
