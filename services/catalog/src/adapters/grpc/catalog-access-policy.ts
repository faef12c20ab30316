import type { AccessPolicy } from '@shopstream/service-defaults/auth';
import { CatalogServiceService } from '@shopstream/proto/catalog/v1/catalog_service.js';

/**
 * Who may call what (deny by default). Reads are public: the storefront reads anonymously, naming the
 * tenant in `x-tenant-id`; a token, when present, must be valid and decides the tenant. Every write needs a
 * valid token; which region's products it may touch is decided in the domain (`region-access.ts`, adr/0015),
 * because the role depends on the product's owner region.
 */
export const CATALOG_ACCESS_POLICY: AccessPolicy = {
  [CatalogServiceService.getProduct.path]: { public: true },
  [CatalogServiceService.listProducts.path]: { public: true },
  [CatalogServiceService.updateStock.path]: { roles: [] },
  [CatalogServiceService.createProduct.path]: { roles: [] },
  [CatalogServiceService.updateProduct.path]: { roles: [] },
  [CatalogServiceService.editProduct.path]: { roles: [] },
  [CatalogServiceService.archiveProduct.path]: { roles: [] },
  [CatalogServiceService.listProductVersions.path]: { roles: [] },
  [CatalogServiceService.setStock.path]: { roles: [] },
};
