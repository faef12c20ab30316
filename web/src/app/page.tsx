import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';

export default function HomePage() {
  return (
    <div className="grid gap-8">
      <section className="grid gap-4 py-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Shop the stream</h1>
        <p className="max-w-prose text-muted-foreground">
          Shopstream is a multi-tenant shop: browse products from independent sellers, follow what your
          friends buy, and check out in one go.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonVariants()}>
            Create an account
          </Link>
          <Link href="/sign-in" className={buttonVariants({ variant: 'outline' })}>
            Sign in
          </Link>
        </div>
      </section>
      <Card aria-labelledby="featured-title">
        <CardTitle id="featured-title">Featured products</CardTitle>
        <p className="mt-2 text-sm text-muted-foreground">
          The catalog is not available yet: featured products appear here once the catalog service is running.
        </p>
      </Card>
    </div>
  );
}
