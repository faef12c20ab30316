// The catalog's public surface for other packages (tests, tools, the seed command).
export { createProduct, type CreateProductInput } from './app/create-product.js';
export { updateProduct, type UpdateProductInput } from './app/update-product.js';
export { archiveProduct, type ArchiveProductInput } from './app/archive-product.js';
export { setStock } from './app/set-stock.js';
export { updateStock, type StockChangeResult } from './app/update-stock.js';
export { getProduct } from './app/get-product.js';
export { listProducts } from './app/list-products.js';
export type { CatalogDeps, Clock, ReadCache } from './app/ports.js';
export { randomId, systemClock } from './infra/system.js';
export { noReadCache } from './app/read-cache.js';
export type { Actor } from './app/actor.js';
export { PRODUCT_CHANGED_TYPE, PRODUCT_EVENTS_TOPIC } from './app/product-events.js';
export { createCatalogStore, type CatalogStore } from './infra/catalog-store.js';
export { migrateCatalogDatabase } from './infra/migrate-catalog-database.js';
export { createRedisReadCache } from './infra/redis-read-cache.js';
export { applyProductChanged } from './adapters/events/product-events-consumer.js';
export { regionAdminRole, STOCK_ROLE } from './domain/region-access.js';
export type { Product, ProductStatus } from './domain/product.js';
