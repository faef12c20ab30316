'use client';

import { Button } from '@/components/ui/button';

/** What every route group's error.tsx shows: what failed, no stack trace, a retry. */
export function RouteError({ what, reset }: { what: string; reset: () => void }) {
  return (
    <div role="alert" className="grid max-w-prose gap-4">
      <h1 className="text-2xl font-semibold">{what} is unavailable right now</h1>
      <p className="text-muted-foreground">
        Something on our side did not answer. Your data is safe; please try again in a moment.
      </p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
