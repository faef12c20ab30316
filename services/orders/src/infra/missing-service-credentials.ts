import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { ServiceCredentials } from '../app/ports.js';

/** Until identity's client-credentials grant is wired (issue 14): every call for a token fails, retryably. */
export const missingServiceCredentials = (): ServiceCredentials => ({
  accessToken: () =>
    Promise.reject(
      new DomainError(
        ErrorKind.Unavailable,
        'Orders.NoServiceIdentity',
        'The orders service has no identity yet.',
      ),
    ),
});
