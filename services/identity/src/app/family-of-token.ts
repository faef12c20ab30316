import { parseRefreshToken } from '../domain/refresh-token.js';
import type { IdentityDeps } from './ports.js';

/** The refresh family (owner and session) of a token the use cases already accepted as issued by us. */
export async function familyOfToken(
  deps: Pick<IdentityDeps, 'store'>,
  tenantId: string,
  refreshToken: string,
) {
  const presented = parseRefreshToken(refreshToken);
  if (presented === undefined) return undefined;
  return deps.store.inTenant(tenantId, (tx) => tx.refreshFamilies.find(presented.familyId));
}
