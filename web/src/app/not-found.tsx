import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="grid max-w-prose gap-4">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-muted-foreground">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/" className={buttonVariants()}>
          Go to the home page
        </Link>
        <Link href="/account" className={buttonVariants({ variant: 'outline' })}>
          Your account
        </Link>
      </div>
    </div>
  );
}
