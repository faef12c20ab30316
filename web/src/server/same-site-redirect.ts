import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

/**
 * `redirect()` from a server action to an absolute URL on the host the browser used (never another host).
 * Next renders a same-origin target inside the action by fetching it from its own listen address
 * (127.0.0.1): the proxy keeps the tenant already decided for the action (see src/proxy.ts).
 */
export async function redirectOnThisHost(path: `/${string}`): Promise<never> {
  const h = await headers();
  const host = h.get('host') ?? '127.0.0.1';
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  redirect(`${proto}://${host}${path}`);
}
