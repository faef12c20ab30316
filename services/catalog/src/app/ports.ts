/**
 * What catalog's use cases need from the outside world, named here and implemented in `infra/` (Postgres
 * repositories in ONE tenant-scoped transaction) and by the read cache (read-cache.ts). Use cases import
 * these types, never `infra/` (ARCHITECTURE §2a: infra implements app's ports).
 */
import type { CloudEvent, Logger } from '@shopstream/service-defaults';
import type { OutboxEntry } from '@shopstream/service-defaults/postgres';
import type { Cursor, ListQuery } from '../domain/list-query.js';
import type {
  Product,
  ProductContent,
  ProductHeader,
  ProductStatus,
  ProductSummary,
  ProductVersion,
  RegionPrice,
  StockLevel,
} from '../domain/product.js';
import type { LaterVersion } from '../domain/patch-merge.js';
import type { PlannedSku } from '../domain/sku-plan.js';

/** The catalog's Postgres, seen by the use cases. */
export interface CatalogStore {
  /**
   * Runs `fn` in one transaction with row-level security set to `tenantId` (`withTenant`): commits when `fn`
   * resolves, rolls back when it throws. Throws `Tenant.Invalid` for a malformed id.
   */
  inTenant<T>(tenantId: string, fn: (tx: CatalogTransaction) => Promise<T>): Promise<T>;
}

/** Everything a use case may touch inside ONE tenant-scoped transaction. */
export interface CatalogTransaction {
  readonly tenantId: string;
  readonly products: ProductRepository;
  readonly skus: SkuRepository;
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  readonly versions: VersionRepository;
  readonly listing: ListingRepository;
  readonly idempotency: IdempotencyRepository;
  /** Writes an event to the outbox in this transaction: published if and only if it commits. */
  enqueue<T>(entry: OutboxEntry<T>): Promise<CloudEvent<T>>;
  /** Defers the SKU-code uniqueness check to COMMIT (lets an edit swap two codes). */
  deferSkuCodeCheck(): Promise<void>;
}

export type IdempotencyClaim =
  { readonly kind: 'new' } | { readonly kind: 'replay'; readonly response: unknown };

export interface IdempotencyRepository {
  /**
   * Claims `key` for this transaction. A concurrent holder makes this wait (unique index) until it commits
   * (→ its stored response) or rolls back (→ ours). Different operation or fingerprint → `mismatch`.
   */
  claim(
    key: string,
    operation: string,
    requestHash: string,
  ): Promise<IdempotencyClaim | { readonly kind: 'mismatch' }>;
  /** Stores the response the key replays from now on (same transaction as the change). */
  complete(key: string, response: unknown): Promise<void>;
}

export interface ListingPage {
  readonly items: readonly ProductSummary[];
  /** Where the next page starts; undefined on the last page. */
  readonly next: Cursor | undefined;
}

export interface ListingRepository {
  /** Recomputes the product's lowest live-SKU price per region (after every content change; `created`: no old rows). */
  refresh(productId: string, options?: { readonly created?: boolean }): Promise<void>;
  /** One page in a stable keyset order (the sort key, then the id). */
  list(query: ListQuery): Promise<ListingPage>;
}

/** The header fields a use case needs to decide on a change, read under a row lock. */
export interface LockedProduct {
  readonly id: string;
  readonly ownerRegion: string;
  readonly status: ProductStatus;
  readonly version: number;
  readonly sequence: number;
}

export interface ProductRepository {
  /** The product with its live SKUs, prices and stock, or undefined (also for other tenants' ids). */
  load(id: string): Promise<Product | undefined>;
  /** `SELECT … FOR UPDATE` of the product row: serialises edits and stock changes of one product. */
  lock(id: string): Promise<LockedProduct | undefined>;
  insert(header: ProductHeader, content: ProductContent): Promise<void>;
  /** Writes new content with the given version and sequence (the caller holds the row lock). */
  update(
    id: string,
    content: ProductContent,
    next: Pick<ProductHeader, 'version' | 'sequence' | 'updatedAt' | 'updatedBy'>,
  ): Promise<void>;
  /** Bumps the change sequence (stock changes) and returns the header after it. */
  bumpSequence(
    id: string,
  ): Promise<ProductHeader & Pick<ProductContent, 'status' | 'title' | 'category' | 'brand'>>;
}

export interface Reservation {
  readonly key: string;
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
  readonly state: 'reserved' | 'released' | 'sold';
  readonly requestHash: string;
}

export interface ReservationRepository {
  /**
   * Inserts the reservation unless its key exists. A concurrent transaction holding the same key makes this
   * wait for it (unique index), then report the committed row: `created: false`.
   */
  claim(reservation: Omit<Reservation, 'state'>): Promise<{ created: boolean; reservation: Reservation }>;
  /** The reservation under a row lock, or undefined. */
  lock(key: string): Promise<Reservation | undefined>;
  /** Marks it released. */
  release(key: string, at: number): Promise<void>;
  /** Marks it sold (final: its units left reserved for sold). */
  sell(key: string, at: number): Promise<void>;
  /** Records a release of a key that was never reserved (quantity 0), so a late reserve is refused. */
  tombstone(reservation: Omit<Reservation, 'state' | 'quantity'>, at: number): Promise<boolean>;
}

/** A SKU with what stock changes must know about its product. */
export interface SkuOwner {
  readonly skuId: string;
  readonly code: string;
  readonly productId: string;
  readonly ownerRegion: string;
  readonly productStatus: ProductStatus;
  readonly retired: boolean;
}

export interface SkuRepository {
  /** Ids of the product's live (not retired) SKUs, in position order. */
  liveIds(productId: string): Promise<string[]>;
  /** Of `codes`, those already used by SKUs other than `exceptIds` (retired SKUs included: codes never come back). */
  takenCodes(codes: readonly string[], exceptIds: readonly string[]): Promise<string[]>;
  /** Inserts new SKUs, updates kept ones (code, options, position) and replaces the prices of all of them. */
  write(productId: string, skus: readonly PlannedSku[]): Promise<void>;
  /** Marks SKUs retired (they keep their rows, prices and stock). */
  retire(ids: readonly string[], at: number): Promise<void>;
  owner(skuId: string): Promise<SkuOwner | undefined>;
  /** The SKU's prices, by region. */
  prices(skuId: string): Promise<RegionPrice[]>;
  /** The SKU's prices and stock, by region, in one round trip (stock changes read it under the product lock). */
  state(skuId: string): Promise<{ prices: RegionPrice[]; stock: StockLevel[] }>;
}

export interface StockRepository {
  /** Stock rows of new SKUs. */
  insertInitial(entries: readonly { skuId: string; region: string; quantity: number }[]): Promise<void>;
  find(skuId: string, region: string): Promise<StockLevel | undefined>;
  /**
   * Moves `quantity` from available to reserved in ONE guarded statement (`available >= quantity`): under
   * concurrency the row lock serialises the updates and each re-checks the guard, so stock never goes
   * negative. Undefined when the guard failed or the row does not exist.
   */
  reserve(skuId: string, region: string, quantity: number): Promise<StockLevel | undefined>;
  /** Moves `quantity` from reserved back to available. */
  release(skuId: string, region: string, quantity: number): Promise<StockLevel | undefined>;
  /** Moves `quantity` from reserved to sold (guarded: `reserved >= quantity`); undefined if no such row. */
  sell(skuId: string, region: string, quantity: number): Promise<StockLevel | undefined>;
  /** Sets available (creating the row), leaving reserved as it is. */
  set(skuId: string, region: string, available: number): Promise<StockLevel>;
}

export interface VersionRepository {
  insert(productId: string, version: ProductVersion): Promise<void>;
  /** Versions below `beforeVersion` (all when undefined), newest first, at most `limit`. */
  list(productId: string, beforeVersion: number | undefined, limit: number): Promise<ProductVersion[]>;
  /** The versions after `version`, oldest first: what they changed and their SKUs' ids and codes. */
  after(productId: string, version: number): Promise<LaterVersion[]>;
}

export interface Clock {
  /** Epoch milliseconds. */
  readonly now: () => number;
}

/** Everything a use case may need; each takes only the part it uses (`Pick<CatalogDeps, …>`). */
export interface CatalogDeps {
  readonly store: CatalogStore;
  readonly cache: ReadCache;
  readonly clock: Clock;
  /** New product and SKU ids. */
  readonly newId: () => string;
  /** `source` of the CloudEvents the catalog publishes (SERVICE_NAME). */
  readonly eventSource: string;
  readonly logger: Pick<Logger, 'warn'>;
}

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
