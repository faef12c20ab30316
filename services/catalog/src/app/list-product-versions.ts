import { z } from 'zod';
import { productIdSchema } from '../domain/admin-commands.js';
import { invalidPageToken, productNotFound } from '../domain/catalog-errors.js';
import type { ProductVersion } from '../domain/product.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';

export interface ListVersionsInput {
  readonly productId: unknown;
  readonly pageSize: number;
  readonly pageToken: string;
}

const pageSizeSchema = z.number().int().min(0);

/** The product's versions, newest first (20 per page by default, 100 at most); owner region admins only. */
export async function listProductVersions(
  deps: Pick<CatalogDeps, 'store'>,
  actor: Actor,
  input: ListVersionsInput,
): Promise<{ versions: ProductVersion[]; nextPageToken: string }> {
  const id = productIdSchema.safeParse(input.productId);
  if (!id.success) throw productNotFound();
  const size = pageSizeSchema.safeParse(input.pageSize);
  const limit = !size.success ? 20 : size.data === 0 ? 20 : Math.min(size.data, 100);
  const before = input.pageToken === '' ? undefined : versionFromToken(input.pageToken);
  return deps.store.inTenant(actor.tenantId, async (tx) => {
    const product = await tx.products.load(id.data);
    if (product === undefined) throw productNotFound();
    assertRegionAdmin(actor, product.ownerRegion);
    const versions = await tx.versions.list(id.data, before, limit + 1);
    const page = versions.slice(0, limit);
    const last = page[page.length - 1];
    return {
      versions: page,
      nextPageToken: versions.length > limit && last !== undefined ? tokenOf(last.version) : '',
    };
  });
}

const tokenOf = (version: number) => Buffer.from(`v${version}`).toString('base64url');

function versionFromToken(token: string): number {
  const match = /^v([1-9]\d{0,8})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match?.[1] === undefined) throw invalidPageToken();
  return Number(match[1]);
}
