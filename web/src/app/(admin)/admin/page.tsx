import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CatalogProblemNotice } from '@/features/admin/catalog-problem-notice';
import {
  formatMoney,
  formatTimestamp,
  isoTimestamp,
  PRODUCT_STATUS,
  statusLabel,
} from '@/features/admin/catalog-format';
import { callCatalog } from '@/server/catalog/catalog-client';
import { requireCatalogAdmin } from '@/server/identity/require-admin';

export const metadata: Metadata = { title: 'Products · Back office' };

const PAGE_SIZE = 20;
const statusFilters = { all: 0, draft: PRODUCT_STATUS.DRAFT, active: PRODUCT_STATUS.ACTIVE } as const;
type StatusFilter = keyof typeof statusFilters;

const single = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function AdminProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireCatalogAdmin();
  const params = await searchParams;
  const rawStatus = single(params.status) ?? 'all';
  const status: StatusFilter = rawStatus in statusFilters ? (rawStatus as StatusFilter) : 'all';
  const pageToken = (single(params.page) ?? '').slice(0, 2_000);
  const list = await callCatalog(
    'listProducts',
    {
      page: { pageSize: PAGE_SIZE, pageToken },
      filter: {
        category: '',
        region: '',
        minPriceMinor: '0',
        maxPriceMinor: '0',
        status: statusFilters[status],
      },
      // The summaries carry the owner region's price, units available there and the last change: one call.
      includeStock: true,
    },
    { authenticated: true, noCache: true },
  );
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...(status === 'all' ? {} : { status }), ...extra });
    const s = q.toString();
    return s ? `/admin?${s}` : '/admin';
  };

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Back office: products</h1>
        <Link href="/admin/products/new" className={buttonVariants()}>
          New product
        </Link>
      </div>
      {single(params.created) ? <Alert role="status">The product was created.</Alert> : null}
      {single(params.archived) ? <Alert role="status">The product was archived.</Alert> : null}
      <form method="get" action="/admin" className="flex flex-wrap items-end gap-3">
        <div className="grid gap-2">
          <Label htmlFor="status-filter">Status</Label>
          <NativeSelect id="status-filter" name="status" defaultValue={status} className="w-44">
            <option value="all">Drafts and active</option>
            <option value="draft">Drafts</option>
            <option value="active">Active</option>
          </NativeSelect>
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      {!list.ok ? (
        list.problem.status === 400 ? (
          <Alert variant="destructive">
            This page link is outdated.{' '}
            <Link href={query({})} className="font-medium underline underline-offset-4">
              Go to the first page
            </Link>
          </Alert>
        ) : (
          <CatalogProblemNotice
            problem={list.problem}
            retryHref={query(pageToken ? { page: pageToken } : {})}
          />
        )
      ) : list.value.products.length === 0 ? (
        <p className="text-muted-foreground">No products yet.</p>
      ) : (
        <Table aria-label="Products">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Title</TableHead>
              <TableHead scope="col">Status</TableHead>
              <TableHead scope="col">Region</TableHead>
              <TableHead scope="col">Price</TableHead>
              <TableHead scope="col">Stock</TableHead>
              <TableHead scope="col">Updated</TableHead>
              <TableHead scope="col">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.value.products.map((summary) => {
              return (
                <TableRow key={summary.productId}>
                  <TableCell className="max-w-64 font-medium break-words">
                    <Link
                      href={`/admin/products/${summary.productId}/edit`}
                      className="underline-offset-4 hover:underline"
                    >
                      {summary.title}
                    </Link>
                  </TableCell>
                  <TableCell>{statusLabel(summary.status)}</TableCell>
                  <TableCell>{summary.ownerRegion}</TableCell>
                  <TableCell>{formatMoney(summary.ownerRegionPrice)}</TableCell>
                  <TableCell>{summary.ownerRegionAvailable ?? '—'}</TableCell>
                  <TableCell>
                    {summary.updatedAt ? (
                      <time dateTime={isoTimestamp(summary.updatedAt)}>
                        {formatTimestamp(summary.updatedAt)}
                      </time>
                    ) : (
                      '—'
                    )}
                    <span className="block text-muted-foreground">version {summary.version}</span>
                  </TableCell>
                  <TableCell>
                    <Link
                      href={`/admin/products/${summary.productId}/history`}
                      className="underline-offset-4 hover:underline"
                      aria-label={`History of ${summary.title}`}
                    >
                      History
                    </Link>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {list.ok && (pageToken || list.value.page?.nextPageToken) ? (
        <nav aria-label="Pages" className="flex gap-3">
          {pageToken ? (
            <Link href={query({})} className={buttonVariants({ variant: 'outline' })}>
              First page
            </Link>
          ) : null}
          {list.value.page?.nextPageToken ? (
            <Link
              href={query({ page: list.value.page.nextPageToken })}
              className={buttonVariants({ variant: 'outline' })}
            >
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
