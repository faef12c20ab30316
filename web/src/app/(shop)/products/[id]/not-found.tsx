import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function ProductNotFound() {
  return (
    <div className="grid max-w-prose gap-4">
      <h1 className="text-2xl font-semibold">Product not found</h1>
      <p className="text-muted-foreground">
        This product does not exist in this shop, or it is no longer on sale. The link may be mistyped.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/products" className={buttonVariants()}>
          Browse all products
        </Link>
        <Link href="/" className={buttonVariants({ variant: 'outline' })}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
