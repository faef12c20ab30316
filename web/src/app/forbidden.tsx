import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <div className="grid max-w-prose gap-4">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-muted-foreground">
        This part of the shop is for catalog administrators. Ask a shop admin to give your account the role.
      </p>
      <Link href="/" className={buttonVariants({ variant: 'outline' })}>
        Go to the home page
      </Link>
    </div>
  );
}
