import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { buttonVariants } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { parseProductId } from '@/features/admin/admin-catalog';
import { CatalogProblemNotice } from '@/features/admin/catalog-problem-notice';
import { changeLabel, formatTimestamp, isoTimestamp, statusLabel } from '@/features/admin/catalog-format';
import { callCatalog } from '@/server/catalog/catalog-client';
import { requireCatalogAdmin } from '@/server/identity/require-admin';

export const metadata: Metadata = { title: 'Product history · Back office' };

export default async function ProductHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireCatalogAdmin();
  const productId = parseProductId((await params).id);
  if (!productId) notFound();
  const query = await searchParams;
  const pageToken = typeof query.page === 'string' ? query.page.slice(0, 2_000) : '';
  const result = await callCatalog(
    'listProductVersions',
    { productId, page: { pageSize: 20, pageToken } },
    { authenticated: true, noCache: true },
  );
  if (!result.ok && result.problem.status === 404) notFound();
  const versions = result.ok ? result.value.versions : [];
  const title = versions[0]?.snapshot?.title;

  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold break-words">History{title ? ` of “${title}”` : ''}</h1>
        <p className="text-sm text-muted-foreground">
          Every saved version, newest first.{' '}
          <Link href={`/admin/products/${productId}/edit`} className="underline underline-offset-4">
            Edit the product
          </Link>
        </p>
      </div>
      {!result.ok ? (
        result.problem.status === 400 ? (
          <p>
            This page link is outdated.{' '}
            <Link href={`/admin/products/${productId}/history`} className="underline underline-offset-4">
              Go to the newest versions
            </Link>
          </p>
        ) : (
          <CatalogProblemNotice problem={result.problem} retryHref={`/admin/products/${productId}/history`} />
        )
      ) : (
        <Table aria-label="Versions">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Version</TableHead>
              <TableHead scope="col">Change</TableHead>
              <TableHead scope="col">By</TableHead>
              <TableHead scope="col">When</TableHead>
              <TableHead scope="col">What changed</TableHead>
              <TableHead scope="col">Title and status then</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => (
              <TableRow key={v.version}>
                <TableCell>{v.version}</TableCell>
                <TableCell>{changeLabel(v.change)}</TableCell>
                <TableCell className="font-mono text-xs break-all">
                  {v.changedBy === principal.userId ? 'You' : v.changedBy}
                </TableCell>
                <TableCell>
                  <time dateTime={isoTimestamp(v.changedAt)}>{formatTimestamp(v.changedAt)}</time>
                </TableCell>
                <TableCell>
                  {v.changedFields.length > 0 ? (
                    <ul className="grid gap-0.5">
                      {v.changedFields.map((f) => (
                        <li key={f} className="font-mono text-xs break-all">
                          {f}
                        </li>
                      ))}
                    </ul>
                  ) : v.version === '1' ? (
                    'First version'
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell className="max-w-64 break-words">
                  {v.snapshot?.title ?? '—'}
                  {v.snapshot ? (
                    <span className="block text-muted-foreground">{statusLabel(v.snapshot.status)}</span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {result.ok && (pageToken || result.value.page?.nextPageToken) ? (
        <nav aria-label="Pages" className="flex gap-3">
          {pageToken ? (
            <Link
              href={`/admin/products/${productId}/history`}
              className={buttonVariants({ variant: 'outline' })}
            >
              Newest versions
            </Link>
          ) : null}
          {result.value.page?.nextPageToken ? (
            <Link
              href={`/admin/products/${productId}/history?page=${encodeURIComponent(result.value.page.nextPageToken)}`}
              className={buttonVariants({ variant: 'outline' })}
            >
              Older versions
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
