import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

/** A styled native `<select>`: keyboard and screen-reader behaviour of the platform, no script needed. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'flex h-10 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-invalid:border-destructive',
        className,
      )}
      {...props}
    />
  );
}
