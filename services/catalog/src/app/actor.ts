import type { Principal } from '@shopstream/service-defaults/auth';

/** Who acts: the verified principal of the call (its tenant is the tenant of every read and write). */
export type Actor = Pick<Principal, 'userId' | 'tenantId' | 'roles' | 'admin'>;
