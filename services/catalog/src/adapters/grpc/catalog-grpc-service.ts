import { unaryHandler } from '@shopstream/service-defaults';
import {
  CatalogServiceService,
  ProductSort,
  ReservationState,
  StockOperation,
  type ArchiveProductRequest,
  type ArchiveProductResponse,
  type CatalogServiceServer,
  type CreateProductRequest,
  type CreateProductResponse,
  type EditProductRequest,
  type EditProductResponse,
  type GetProductRequest,
  type GetProductResponse,
  type ListProductsRequest,
  type ListProductsResponse,
  type ListProductVersionsRequest,
  type ListProductVersionsResponse,
  type SetStockRequest,
  type SetStockResponse,
  type UpdateProductRequest,
  type UpdateProductResponse,
  type UpdateStockRequest,
  type UpdateStockResponse,
} from '@shopstream/proto/catalog/v1/catalog_service.js';
import { ProductInput, ProductPatch } from '@shopstream/proto/catalog/v1/product.js';
import { archiveProduct } from '../../app/archive-product.js';
import type { CatalogDeps } from '../../app/ports.js';
import { createProduct } from '../../app/create-product.js';
import { editProduct } from '../../app/edit-product.js';
import { getProduct } from '../../app/get-product.js';
import { listProductVersions } from '../../app/list-product-versions.js';
import { listProducts } from '../../app/list-products.js';
import { setStock } from '../../app/set-stock.js';
import { updateProduct } from '../../app/update-product.js';
import { updateStock } from '../../app/update-stock.js';
import { payloadTooLarge } from '../../domain/catalog-errors.js';
import { actorOf, bypassesCache, viewerOf, type CallContextDeps } from './call-context.js';
import {
  productMessage,
  statusName,
  stockMessage,
  summaryMessage,
  versionMessage,
} from './product-messages.js';

/** A ProductInput or ProductPatch larger than this (encoded) is refused before validation: 256 KiB. */
export const MAX_PRODUCT_INPUT_BYTES = 256 * 1024;

const SORT: Record<number, string> = {
  [ProductSort.PRODUCT_SORT_UNSPECIFIED]: 'unspecified',
  [ProductSort.PRODUCT_SORT_NEWEST]: 'newest',
  [ProductSort.PRODUCT_SORT_TITLE]: 'title',
  [ProductSort.PRODUCT_SORT_PRICE_ASC]: 'price_asc',
  [ProductSort.PRODUCT_SORT_PRICE_DESC]: 'price_desc',
};

const RESERVATION_STATE = {
  reserved: ReservationState.RESERVATION_STATE_RESERVED,
  released: ReservationState.RESERVATION_STATE_RELEASED,
  sold: ReservationState.RESERVATION_STATE_SOLD,
} as const;

const OPERATION: Record<number, string> = {
  [StockOperation.STOCK_OPERATION_RESERVE]: 'reserve',
  [StockOperation.STOCK_OPERATION_RELEASE]: 'release',
  [StockOperation.STOCK_OPERATION_SELL]: 'sell',
};

/** The ProductInput as the domain parses it: the same fields, the status enum named. */
function productInput(input: ProductInput | undefined): unknown {
  if (input === undefined) return undefined;
  if (ProductInput.encode(input).finish().length > MAX_PRODUCT_INPUT_BYTES)
    throw payloadTooLarge('product', MAX_PRODUCT_INPUT_BYTES);
  return { ...input, status: statusName(input.status) };
}

/** The ProductPatch as the domain parses it (same fields, the status enum named). */
function productPatch(patch: ProductPatch | undefined): unknown {
  if (patch === undefined) return undefined;
  if (ProductPatch.encode(patch).finish().length > MAX_PRODUCT_INPUT_BYTES)
    throw payloadTooLarge('patch', MAX_PRODUCT_INPUT_BYTES);
  return { ...patch, status: statusName(patch.status) };
}

const sequenceOf = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : 0);

/**
 * `shopstream.catalog.v1.CatalogService`: maps messages to use-case input and results back; every error is
 * a DomainError that `unaryHandler` turns into a gRPC status with `x-error-code` (and `x-field-errors`).
 */
export function catalogGrpcService(deps: CatalogDeps, context: CallContextDeps): CatalogServiceServer {
  const paths = CatalogServiceService;
  return {
    getProduct: unaryHandler<GetProductRequest, GetProductResponse>(async (request, call) => {
      const viewer = await viewerOf(context, call, paths.getProduct.path);
      const product = await getProduct(deps, viewer, {
        productId: request.productId,
        minSequence: sequenceOf(request.minSequence),
        bypassCache: bypassesCache(call),
      });
      return { product: productMessage(product) };
    }),

    listProducts: unaryHandler<ListProductsRequest, ListProductsResponse>(async (request, call) => {
      const viewer = await viewerOf(context, call, paths.listProducts.path);
      const filter = request.filter;
      const page = await listProducts(
        deps,
        viewer,
        {
          page: { pageSize: request.page?.pageSize ?? 0, pageToken: request.page?.pageToken ?? '' },
          filter: {
            category: filter?.category ?? '',
            region: filter?.region ?? '',
            minPriceMinor: filter?.minPriceMinor ?? '0',
            maxPriceMinor: filter?.maxPriceMinor ?? '0',
            status: statusName(filter?.status ?? 0),
          },
          sort: SORT[request.sort] ?? 'unknown',
          includeStock: request.includeStock,
        },
        { bypassCache: bypassesCache(call) },
      );
      return { products: page.items.map(summaryMessage), page: { nextPageToken: page.nextPageToken } };
    }),

    updateStock: unaryHandler<UpdateStockRequest, UpdateStockResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.updateStock.path);
      const result = await updateStock(deps, actor, {
        ...request,
        operation: OPERATION[request.operation] ?? 'unspecified',
      });
      return {
        state: RESERVATION_STATE[result.state],
        quantity: String(result.quantity),
        stock: stockMessage(result.stock),
        sequence: String(result.sequence),
        replayed: result.replayed,
      };
    }),

    createProduct: unaryHandler<CreateProductRequest, CreateProductResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.createProduct.path);
      const product = await createProduct(deps, actor, {
        ...request,
        product: productInput(request.product),
      });
      return { product: productMessage(product) };
    }),

    updateProduct: unaryHandler<UpdateProductRequest, UpdateProductResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.updateProduct.path);
      const product = await updateProduct(deps, actor, {
        ...request,
        product: productInput(request.product),
      });
      return { product: productMessage(product) };
    }),

    editProduct: unaryHandler<EditProductRequest, EditProductResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.editProduct.path);
      const product = await editProduct(deps, actor, {
        ...request,
        patch: productPatch(request.patch),
        updateMask: request.updateMask ?? [],
      });
      return { product: productMessage(product) };
    }),

    archiveProduct: unaryHandler<ArchiveProductRequest, ArchiveProductResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.archiveProduct.path);
      return { product: productMessage(await archiveProduct(deps, actor, request)) };
    }),

    listProductVersions: unaryHandler<ListProductVersionsRequest, ListProductVersionsResponse>(
      async (request, call) => {
        const actor = await actorOf(context, call, paths.listProductVersions.path);
        const page = await listProductVersions(deps, actor, {
          productId: request.productId,
          pageSize: request.page?.pageSize ?? 0,
          pageToken: request.page?.pageToken ?? '',
        });
        return { versions: page.versions.map(versionMessage), page: { nextPageToken: page.nextPageToken } };
      },
    ),

    setStock: unaryHandler<SetStockRequest, SetStockResponse>(async (request, call) => {
      const actor = await actorOf(context, call, paths.setStock.path);
      const result = await setStock(deps, actor, request);
      return { stock: stockMessage(result.stock), sequence: String(result.sequence) };
    }),
  };
}
