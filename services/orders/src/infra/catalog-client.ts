import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { CartCatalog, CatalogProduct } from '@shopstream/actor-cart';
import { createDaprGrpcClient, DomainError, ErrorKind, type BaseConfig } from '@shopstream/service-defaults';
import {
  CatalogServiceClient,
  type GetProductResponse,
} from '@shopstream/proto/catalog/v1/catalog_service.js';
import { ProductStatus, type Product } from '@shopstream/proto/catalog/v1/product.js';

/** GetProduct's deadline as its proto advises (1 s), with room for one hop more on a busy machine. */
const DEADLINE_MS = 2_000;

function toCatalogProduct(product: Product): CatalogProduct {
  return {
    productId: product.productId,
    title: product.title,
    active: product.status === ProductStatus.PRODUCT_STATUS_ACTIVE,
    sequence: Number(product.sequence),
    skus: product.skus.map((sku) => ({
      skuId: sku.skuId,
      code: sku.code,
      options: sku.options,
      prices: sku.prices.flatMap((p) =>
        p.price
          ? [
              {
                region: p.region,
                price: { currencyCode: p.price.currencyCode, amountMinor: p.price.amountMinor },
              },
            ]
          : [],
      ),
      stock: sku.stock.map((s) => ({ region: s.region, available: Number(s.available) })),
    })),
  };
}

const catalogUnavailable = (cause: unknown) =>
  new DomainError(
    ErrorKind.Unavailable,
    'Cart.CatalogUnavailable',
    'The catalog cannot be reached; try again.',
    {
      cause,
    },
  );

/**
 * The cart's view of the catalog: `CatalogService.GetProduct` through the local sidecar, as an anonymous
 * shopper of the cart's tenant (`x-tenant-id`), so drafts and other tenants' products are simply not found.
 * Changes ask for a fresh read (`cache-control: no-cache`); views pass the sequence the line was priced at.
 */
export function catalogForCarts(
  config: Pick<BaseConfig, 'DAPR_GRPC_PORT' | 'DAPR_API_TOKEN' | 'TENANT_HEADER'>,
): {
  catalog: CartCatalog;
  close: () => void;
} {
  const client = createDaprGrpcClient(CatalogServiceClient, 'catalog', config);
  const catalog: CartCatalog = {
    product(tenantId, productId, options) {
      const metadata = new Metadata();
      metadata.set(config.TENANT_HEADER, tenantId);
      if (options.fresh) metadata.set('cache-control', 'no-cache');
      return new Promise<CatalogProduct | null>((resolve, reject) => {
        client.getProduct(
          { productId, minSequence: String(options.minSequence) },
          metadata,
          { deadline: Date.now() + DEADLINE_MS },
          (error: ServiceError | null, response: GetProductResponse) => {
            if (!error) resolve(response.product ? toCatalogProduct(response.product) : null);
            else if (error.code === status.NOT_FOUND || error.code === status.INVALID_ARGUMENT) resolve(null);
            else reject(catalogUnavailable(error));
          },
        );
      });
    },
  };
  return { catalog, close: () => client.close() };
}
