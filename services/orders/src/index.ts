// The orders service's public surface for other packages (tests, tools).
export { dynamoIdempotencyStore, type DynamoIdempotencyOptions } from './infra/dynamodb-idempotency-store.js';
export { idempotently, fingerprintOf, type IdempotentResult } from './app/idempotently.js';
export type { IdempotencyClaim, IdempotencyStore } from './app/ports.js';
export { parseDuration } from './domain/duration.js';
export { createOrderStore } from './infra/pg-order-store.js';
export { newOrder, type Order, type OrderLine } from './domain/order.js';
