export function RouteLoading({ what }: { what: string }) {
  return (
    <div role="status" aria-live="polite" className="grid gap-3">
      <span className="sr-only">Loading {what}…</span>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded-md bg-muted" />
      <div aria-hidden="true" className="h-32 animate-pulse rounded-md bg-muted" />
    </div>
  );
}
