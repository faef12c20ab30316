import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison; hashing first hides the expected token's length too. */
export function tokensEqual(received: string | undefined, expected: string): boolean {
  if (received === undefined) return false;
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
