import type { Principal } from '@shopstream/service-defaults/auth';

/**
 * Who reads: the tenant of the call, and the principal when the caller presented a token (anonymous
 * storefront reads have none). Catalog admins see drafts; everybody else does not.
 */
export interface Viewer {
  readonly tenantId: string;
  readonly principal: Pick<Principal, 'userId' | 'roles' | 'admin'> | undefined;
}
