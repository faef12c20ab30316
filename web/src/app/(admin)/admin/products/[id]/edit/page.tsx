import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { formValuesOf, adminProductFromPath, skuRowsOf } from '@/features/admin/admin-catalog';
import { CatalogProblemNotice } from '@/features/admin/catalog-problem-notice';
import { formatTimestamp, isoTimestamp, PRODUCT_STATUS, statusLabel } from '@/features/admin/catalog-format';
import { archiveProduct, updateProduct } from '@/features/admin/product-actions';
import { ProductForm } from '@/features/admin/product-form';
import { csrfToken } from '@/server/identity/session';

export const metadata: Metadata = { title: 'Edit product · Back office' };

const archiveMessages: Record<string, string> = {
  conflict: 'The product was not archived: someone else saved it first. Review the latest version below.',
  permission: 'The product was not archived: your account does not administer its region.',
  unavailable: 'The product was not archived: the catalog is unavailable right now. Please try again.',
  session: 'The product was not archived: your session changed since the page was loaded. Try again.',
  form: 'The product was not archived: the form was incomplete. Try again.',
  failed: 'The product was not archived. Please try again.',
};

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { productId, result, product } = await adminProductFromPath(params);
  const query = await searchParams;
  const csrf = await csrfToken();
  const archiveError = typeof query.archive === 'string' ? archiveMessages[query.archive] : undefined;
  const saved = typeof query.saved === 'string' && /^\d{1,18}$/.test(query.saved) ? query.saved : undefined;

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold break-words">
          {product ? `Edit “${product.title}”` : 'Edit product'}
        </h1>
        {product ? (
          <p className="text-sm text-muted-foreground">
            {statusLabel(product.status)} · region {product.ownerRegion} · version {product.version} · updated{' '}
            <time dateTime={isoTimestamp(product.updatedAt)}>{formatTimestamp(product.updatedAt)}</time> ·{' '}
            <Link href={`/admin/products/${productId}/history`} className="underline underline-offset-4">
              History
            </Link>{' '}
            ·{' '}
            <Link href={`/admin/products/${productId}/stock`} className="underline underline-offset-4">
              Stock
            </Link>
          </p>
        ) : null}
      </div>
      {!result.ok ? (
        <CatalogProblemNotice problem={result.problem} retryHref={`/admin/products/${productId}/edit`} />
      ) : null}
      {saved && product?.version === saved ? <Alert role="status">Saved as version {saved}.</Alert> : null}
      {archiveError ? <Alert variant="destructive">{archiveError}</Alert> : null}
      {product && product.status === PRODUCT_STATUS.ARCHIVED ? (
        <Alert>
          This product is archived: shoppers can still open it by its address, but it can no longer be edited.
        </Alert>
      ) : null}
      {product && product.status !== PRODUCT_STATUS.ARCHIVED ? (
        <>
          <Card>
            <ProductForm
              // A new version re-mounts the form with that version's content.
              key={product.version}
              mode="edit"
              action={updateProduct}
              csrf={csrf}
              idempotencyKey={randomUUID()}
              initialValues={formValuesOf(product)}
              productId={productId}
              expectedVersion={product.version}
              ownerRegion={product.ownerRegion}
              skus={skuRowsOf(product)}
            />
          </Card>
          <Card aria-labelledby="archive-title">
            <CardTitle id="archive-title">Archive</CardTitle>
            <p className="mt-2 text-sm text-muted-foreground">
              Archiving takes the product off sale for good; orders keep referring to it. It cannot be undone.
            </p>
            <form action={archiveProduct} className="mt-4">
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="idempotencyKey" value={randomUUID()} />
              <input type="hidden" name="productId" value={productId} />
              <input type="hidden" name="expectedVersion" value={product.version} />
              <Button type="submit" variant="destructive">
                Archive product
              </Button>
            </form>
          </Card>
        </>
      ) : null}
    </div>
  );
}
