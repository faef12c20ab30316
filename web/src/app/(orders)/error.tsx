'use client';

import { RouteError } from '@/components/route-error';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError what="Your orders" reset={reset} />;
}
