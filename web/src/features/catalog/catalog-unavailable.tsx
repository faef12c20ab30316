import { Alert } from '@/components/ui/alert';

/** What a catalog page shows instead of products when the catalog does not answer (never internals). */
export function CatalogUnavailable({ detail }: { detail: string }) {
  return (
    <Alert>
      <p className="font-medium">The catalog is unavailable right now.</p>
      <p className="mt-1 text-muted-foreground">{detail}</p>
    </Alert>
  );
}
