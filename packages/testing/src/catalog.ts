import { randomBytes, randomUUID } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { daprGrpcChannelMetadata } from '@shopstream/service-defaults';
import { createPgPool } from '@shopstream/service-defaults/postgres';
import { silentLogger } from './database.js';
import { unaryCaller } from './unary-caller.js';
import {
  ArchiveProductRequest,
  CatalogServiceClient,
  CreateProductRequest,
  EditProductRequest,
  GetProductRequest,
  ListProductsRequest,
  ListProductVersionsRequest,
  SetStockRequest,
  UpdateProductRequest,
  UpdateStockRequest,
  type ArchiveProductResponse,
  type CreateProductResponse,
  type EditProductResponse,
  type GetProductResponse,
  type ListProductsResponse,
  type ListProductVersionsResponse,
  type SetStockResponse,
  type UpdateProductResponse,
  type UpdateStockResponse,
} from '@shopstream/proto/catalog/v1/catalog_service.js';
import { ProductStatus, type ProductInput, type SkuInput } from '@shopstream/proto/catalog/v1/product.js';
import { appDatabaseUrl } from '../../../tools/stack/provision-postgres.js';
import { daprApiToken, portsOf } from './stack.js';

/**
 * The `catalog` app through Dapr gRPC proxying: a grpc-js client on a sidecar (default skeleton-caller's,
 * as another service would call it) with `dapr-app-id: catalog`, and a bearer token and/or `x-tenant-id`.
 */
export interface CallAs {
  readonly token?: string;
  readonly tenant?: string;
  /** `cache-control: no-cache`: skip the read cache. */
  readonly noCache?: boolean;
  readonly deadlineMs?: number;
}

export function catalogMetadata(as: CallAs = {}): Metadata {
  const md = daprGrpcChannelMetadata('catalog', daprApiToken);
  if (as.token !== undefined) md.set('authorization', `Bearer ${as.token}`);
  if (as.tenant !== undefined) md.set('x-tenant-id', as.tenant);
  if (as.noCache === true) md.set('cache-control', 'no-cache');
  return md;
}

export interface CatalogApi {
  getProduct(request: Partial<GetProductRequest>, as?: CallAs): Promise<GetProductResponse>;
  listProducts(request: Partial<ListProductsRequest>, as?: CallAs): Promise<ListProductsResponse>;
  updateStock(request: Partial<UpdateStockRequest>, as?: CallAs): Promise<UpdateStockResponse>;
  createProduct(request: Partial<CreateProductRequest>, as?: CallAs): Promise<CreateProductResponse>;
  updateProduct(request: Partial<UpdateProductRequest>, as?: CallAs): Promise<UpdateProductResponse>;
  editProduct(request: Partial<EditProductRequest>, as?: CallAs): Promise<EditProductResponse>;
  archiveProduct(request: Partial<ArchiveProductRequest>, as?: CallAs): Promise<ArchiveProductResponse>;
  listProductVersions(
    request: Partial<ListProductVersionsRequest>,
    as?: CallAs,
  ): Promise<ListProductVersionsResponse>;
  setStock(request: Partial<SetStockRequest>, as?: CallAs): Promise<SetStockResponse>;
  close(): void;
}

/** One client (one HTTP/2 connection to the sidecar) per test file; `close()` it in afterAll. */
export function catalogApi(fromApp = 'skeleton-caller'): CatalogApi {
  const client = new CatalogServiceClient(
    `127.0.0.1:${portsOf(fromApp).daprGrpc}`,
    credentials.createInsecure(),
  );
  const call = unaryCaller<CatalogServiceClient, CallAs>(client, catalogMetadata);
  return {
    getProduct: call(GetProductRequest, 'getProduct'),
    listProducts: call(ListProductsRequest, 'listProducts'),
    updateStock: call(UpdateStockRequest, 'updateStock'),
    createProduct: call(CreateProductRequest, 'createProduct'),
    updateProduct: call(UpdateProductRequest, 'updateProduct'),
    editProduct: call(EditProductRequest, 'editProduct'),
    archiveProduct: call(ArchiveProductRequest, 'archiveProduct'),
    listProductVersions: call(ListProductVersionsRequest, 'listProductVersions'),
    setStock: call(SetStockRequest, 'setStock'),
    close: () => client.close(),
  };
}

export interface Failure {
  readonly code: status | undefined;
  /** `x-error-code`, e.g. `Catalog.VersionConflict`. */
  readonly reason: string | undefined;
  /** The field names of `x-field-errors`. */
  readonly fields: string[];
}

/**
 * Calls `fn` again (same request, so the same idempotency key) when it failed with UNAVAILABLE or
 * DEADLINE_EXCEEDED, as the proto tells clients of idempotent RPCs to: on a loaded machine a queue of
 * transactions on one hot row can outlast the sidecar's 5 s app timeout. At most `attempts` calls.
 */
export async function withRetries<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as Partial<ServiceError>).code;
      const retryable = code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED;
      if (!retryable || attempt >= attempts) throw error;
    }
  }
}

/** What a call failed with (a call that succeeds fails the test). */
export async function failure(promise: Promise<unknown>): Promise<Failure> {
  const result = await outcome(promise);
  if (result === 'ok') throw new Error('expected the call to fail, it succeeded');
  return result;
}

/** `'ok'`, or what the call failed with. */
export async function outcome(promise: Promise<unknown>): Promise<'ok' | Failure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as ServiceError,
  );
  if (error === undefined) return 'ok';
  const [fields] = error.metadata?.get('x-field-errors') ?? [];
  return {
    code: error.code,
    reason: error.metadata?.get('x-error-code').map(String)[0],
    fields:
      fields === undefined
        ? []
        : (JSON.parse(String(fields)) as { field: string }[]).map((f) => f.field).sort(),
  };
}

/** A pool on the `catalog` database as the provisioned `catalog` role (not a superuser: RLS applies). */
export function catalogDatabasePool(applicationName: string, max = 2): Pool {
  return createPgPool({
    connectionString: appDatabaseUrl('catalog'),
    applicationName,
    logger: silentLogger,
    max,
  });
}

export const idempotencyKey = (): string => `test-${randomUUID()}`;

/** A unique SKU code (codes are unique per tenant for ever). */
export const skuCode = (prefix = 'SKU'): string =>
  `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

export function skuInput(overrides: Partial<SkuInput> = {}): SkuInput {
  return {
    skuId: '',
    code: skuCode(),
    options: { size: 'M' },
    prices: [
      { region: 'eu', price: { currencyCode: 'EUR', amountMinor: '2500' } },
      { region: 'us', price: { currencyCode: 'USD', amountMinor: '2900' } },
    ],
    initialStock: [
      { region: 'eu', quantity: '10' },
      { region: 'us', quantity: '5' },
    ],
    ...overrides,
  };
}

export function productInput(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: `Test product ${randomBytes(3).toString('hex')}`,
    description: 'Made for integration tests.',
    category: 'test/things',
    brand: 'Acme',
    attributes: { material: 'cotton' },
    media: [],
    skus: [skuInput()],
    status: ProductStatus.PRODUCT_STATUS_ACTIVE,
    ...overrides,
  };
}
