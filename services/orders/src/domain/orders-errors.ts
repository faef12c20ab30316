import { DomainError, ErrorKind } from '@shopstream/service-defaults';

/** The same idempotency key was used before with another request: names the key. */
export const idempotencyKeyReused = (key: string): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Idempotency.KeyReused',
    `The idempotency key "${key}" was already used for a different request.`,
    { fields: [{ field: 'idempotencyKey', detail: `"${key}" was already used for a different request` }] },
  );

/** A call with this key is still running (or died within its lease): retry after a short wait. */
export const idempotencyKeyInProgress = (key: string): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Idempotency.InProgress',
    `A request with the idempotency key "${key}" is still in progress; retry shortly.`,
    { fields: [{ field: 'idempotencyKey', detail: `"${key}" is in progress` }] },
  );

export const tenantRequired = (header: string): DomainError =>
  new DomainError(
    ErrorKind.Validation,
    'Cart.TenantRequired',
    `Anonymous calls name the shop in ${header}.`,
    { fields: [{ field: header, detail: 'is required without a bearer token' }] },
  );

/** A signed-in shopper's cart is named by the token: a cart token beside it is refused, not ignored. */
export const unexpectedCartToken = (field: string): DomainError =>
  new DomainError(
    ErrorKind.Validation,
    'Cart.UnexpectedCartToken',
    'Signed-in shoppers send no cart token.',
    {
      fields: [{ field, detail: 'must be empty with a bearer token' }],
    },
  );

export const cartTokenRequired = (field: string): DomainError =>
  new DomainError(ErrorKind.Validation, 'Cart.CartTokenRequired', `${field} is required.`, {
    fields: [{ field, detail: 'is required' }],
  });

export const cartTokenOfOtherShop = (field: string): DomainError =>
  new DomainError(ErrorKind.Unauthenticated, 'Cart.InvalidCartToken', 'The cart token is not valid here.', {
    fields: [{ field, detail: 'belongs to another shop' }],
  });
