import {
  idempotencyKeyReused,
  insufficientStock,
  notForSale,
  notStocked,
  reservationNotFound,
  reservationReleased,
  reservationSold,
  skuNotFound,
} from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import type { StockLevel } from '../domain/product.js';
import { assertStockManager } from '../domain/region-access.js';
import { parseStockChange } from '../domain/stock-request.js';
import type { CatalogTransaction, SkuOwner } from './ports.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { afterCommit } from './record-version.js';
import { recordStockChange } from './stock-change.js';

export interface StockChangeResult {
  readonly state: 'reserved' | 'released' | 'sold';
  /** Units held (reserved), given back (released; 0 for a key never reserved) or sold. */
  readonly quantity: number;
  readonly stock: StockLevel;
  readonly sequence: number;
  readonly replayed: boolean;
}

/**
 * UpdateStock: RESERVE takes `quantity` out of `available` in one guarded UPDATE (never negative, the row
 * lock serialises concurrent reservations: of 50 concurrent single-unit reservations on stock 20, exactly
 * 20 succeed); RELEASE gives a reservation back; SELL moves a reservation's units from reserved to sold (a
 * confirmed order: available + reserved + sold is unchanged, a replay changes nothing). The key names the reservation
 * (see the proto for replay and tombstone rules). One transaction per call: the stock, the reservation row,
 * the product's sequence and the STOCK `ProductChanged` outbox row commit together or not at all.
 */
export async function updateStock(
  deps: CatalogDeps,
  actor: Actor,
  input: unknown,
): Promise<StockChangeResult> {
  const request = parseStockChange(input);
  const result = await deps.store.inTenant(actor.tenantId, async (tx) => {
    const sku = await tx.skus.owner(request.skuId);
    if (sku === undefined) throw skuNotFound();
    assertStockManager(actor, sku.ownerRegion);
    switch (request.operation) {
      case 'reserve':
        return reserve(tx, deps, sku, {
          key: request.idempotencyKey,
          region: request.region,
          quantity: request.quantity,
        });
      case 'release':
        return release(tx, deps, sku, { key: request.idempotencyKey, region: request.region });
      case 'sell':
        return sell(tx, deps, sku, { key: request.idempotencyKey, region: request.region });
    }
  });
  if (!result.replayed)
    await afterCommit(deps, {
      tenantId: actor.tenantId,
      productId: result.productId,
      sequence: result.sequence,
      listsChanged: false,
    });
  return {
    state: result.state,
    quantity: result.quantity,
    stock: result.stock,
    sequence: result.sequence,
    replayed: result.replayed,
  };
}

type Outcome = StockChangeResult & { productId: string };

async function reserve(
  tx: CatalogTransaction,
  deps: CatalogDeps,
  sku: SkuOwner,
  request: { key: string; region: string; quantity: number },
): Promise<Outcome> {
  const requestHash = fingerprint({
    op: 'reserve',
    skuId: sku.skuId,
    region: request.region,
    quantity: request.quantity,
  });
  const claimed = await tx.reservations.claim({
    key: request.key,
    skuId: sku.skuId,
    region: request.region,
    quantity: request.quantity,
    requestHash,
  });
  if (!claimed.created) {
    const existing = claimed.reservation;
    if (existing.state === 'released') throw reservationReleased();
    if (existing.state === 'sold') throw reservationSold();
    if (existing.requestHash !== requestHash) throw idempotencyKeyReused();
    return replay(tx, sku, existing.region, 'reserved', existing.quantity);
  }
  if (sku.productStatus !== 'active' || sku.retired) throw notForSale();
  const level = await tx.stock.reserve(sku.skuId, request.region, request.quantity);
  if (level === undefined) {
    const current = await tx.stock.find(sku.skuId, request.region);
    throw current === undefined
      ? notStocked(request.region)
      : insufficientStock(current.available, request.quantity);
  }
  const { sequence } = await recordStockChange(tx, deps, sku);
  return {
    state: 'reserved',
    quantity: request.quantity,
    stock: level,
    sequence,
    replayed: false,
    productId: sku.productId,
  };
}

async function release(
  tx: CatalogTransaction,
  deps: CatalogDeps,
  sku: SkuOwner,
  request: { key: string; region: string },
): Promise<Outcome> {
  let reservation = await tx.reservations.lock(request.key);
  if (reservation === undefined) {
    const recorded = await tx.reservations.tombstone(
      {
        key: request.key,
        skuId: sku.skuId,
        region: request.region,
        requestHash: fingerprint({ op: 'release', skuId: sku.skuId, region: request.region }),
      },
      deps.clock.now(),
    );
    if (recorded) {
      const current = await tx.stock.find(sku.skuId, request.region);
      if (current === undefined) throw notStocked(request.region);
      return {
        ...(await sequenceOf(tx, sku)),
        state: 'released',
        quantity: 0,
        stock: current,
        replayed: false,
      };
    }
    reservation = await tx.reservations.lock(request.key); // a concurrent call made it meanwhile
    if (reservation === undefined) throw new Error('reservation vanished');
  }
  if (reservation.skuId !== sku.skuId || reservation.region !== request.region) throw idempotencyKeyReused();
  if (reservation.state === 'sold') throw reservationSold();
  if (reservation.state === 'released')
    return replay(tx, sku, reservation.region, 'released', reservation.quantity);
  return settle(tx, deps, sku, { ...request, quantity: reservation.quantity }, 'released');
}

async function sell(
  tx: CatalogTransaction,
  deps: CatalogDeps,
  sku: SkuOwner,
  request: { key: string; region: string },
): Promise<Outcome> {
  const reservation = await tx.reservations.lock(request.key);
  if (reservation === undefined) throw reservationNotFound();
  if (reservation.skuId !== sku.skuId || reservation.region !== request.region) throw idempotencyKeyReused();
  if (reservation.state === 'released') throw reservationReleased();
  if (reservation.state === 'sold') return replay(tx, sku, reservation.region, 'sold', reservation.quantity);
  return settle(tx, deps, sku, { ...request, quantity: reservation.quantity }, 'sold');
}

/** Ends a held reservation: its units leave `reserved` for `available` (released) or `sold`. */
async function settle(
  tx: CatalogTransaction,
  deps: CatalogDeps,
  sku: SkuOwner,
  held: { key: string; region: string; quantity: number },
  state: 'released' | 'sold',
): Promise<Outcome> {
  const level =
    state === 'released'
      ? await tx.stock.release(sku.skuId, held.region, held.quantity)
      : await tx.stock.sell(sku.skuId, held.region, held.quantity);
  if (level === undefined) throw notStocked(held.region);
  if (state === 'released') await tx.reservations.release(held.key, deps.clock.now());
  else await tx.reservations.sell(held.key, deps.clock.now());
  const { sequence } = await recordStockChange(tx, deps, sku);
  return {
    state,
    quantity: held.quantity,
    stock: level,
    sequence,
    replayed: false,
    productId: sku.productId,
  };
}

async function replay(
  tx: CatalogTransaction,
  sku: SkuOwner,
  region: string,
  state: StockChangeResult['state'],
  quantity: number,
): Promise<Outcome> {
  const current = await tx.stock.find(sku.skuId, region);
  if (current === undefined) throw notStocked(region);
  return { ...(await sequenceOf(tx, sku)), state, quantity, stock: current, replayed: true };
}

async function sequenceOf(
  tx: CatalogTransaction,
  sku: SkuOwner,
): Promise<{ sequence: number; productId: string }> {
  const product = await tx.products.load(sku.productId);
  return { sequence: product?.sequence ?? 0, productId: sku.productId };
}
