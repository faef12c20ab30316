import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { adminProductFromPath, skuRowsOf, stockValuesOf } from '@/features/admin/admin-catalog';
import { CatalogProblemNotice } from '@/features/admin/catalog-problem-notice';
import { PRODUCT_STATUS, statusLabel } from '@/features/admin/catalog-format';
import { saveStock } from '@/features/admin/stock-actions';
import { StockForm } from '@/features/admin/stock-form';
import { csrfToken } from '@/server/identity/session';

export const metadata: Metadata = { title: 'Stock · Back office' };

/**
 * Stock of every SKU per region, on its own page (linked from the edit page) rather than inside the edit
 * form: stock is not part of a product's versioned content. `SetStock` takes no expected version and does
 * not make a new version (checkouts move stock all the time), so mixing it into the edit form would tie a
 * stock-taking to the edit's version conflicts ("someone else saved first" because a shopper reserved a
 * unit) and one Save would be two kinds of write with different failure modes. Own page, own form, own
 * idempotency key; the edit form stays one `UpdateProduct`.
 */
export default async function ProductStockPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productId, result, product } = await adminProductFromPath(params);
  const query = await searchParams;
  const csrf = await csrfToken();
  const saved =
    typeof query.saved === 'string' && /^\d{1,4}$/.test(query.saved) ? Number(query.saved) : undefined;
  const idempotencyKey = randomUUID();

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold break-words">
          {product ? `Stock of “${product.title}”` : 'Stock'}
        </h1>
        <p className="text-sm text-muted-foreground">
          {product ? `${statusLabel(product.status)} · region ${product.ownerRegion} · ` : null}
          <Link href={`/admin/products/${productId}/edit`} className="underline underline-offset-4">
            Edit the product
          </Link>
        </p>
      </div>
      {!result.ok ? (
        <CatalogProblemNotice problem={result.problem} retryHref={`/admin/products/${productId}/stock`} />
      ) : null}
      {saved !== undefined ? (
        <Alert role="status">
          {saved === 0
            ? 'No stock value was changed.'
            : `Stock saved (${saved} ${saved === 1 ? 'value' : 'values'}).`}
        </Alert>
      ) : null}
      {product && product.status === PRODUCT_STATUS.ARCHIVED ? (
        <Alert>This product is archived: its stock can no longer be set.</Alert>
      ) : null}
      {product && product.status !== PRODUCT_STATUS.ARCHIVED ? (
        <Card>
          <StockForm
            // A new render (after a save) re-mounts the form with the stock as it is now and a new key.
            key={idempotencyKey}
            action={saveStock}
            csrf={csrf}
            idempotencyKey={idempotencyKey}
            productId={productId}
            skus={skuRowsOf(product)}
            initialValues={stockValuesOf(product)}
          />
        </Card>
      ) : null}
    </div>
  );
}
