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

export const orderNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Orders.NotFound', 'No such order.', {
    fields: [{ field: 'order_id', detail: 'names no order of yours' }],
  });

export const cartEmpty = (): DomainError =>
  new DomainError(ErrorKind.Conflict, 'Orders.CartEmpty', 'The cart is empty.', {
    fields: [{ field: 'cart', detail: 'has no lines to order' }],
  });

export const cartChanged = (expected: number, actual: number): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.CartChanged',
    'The cart changed since the checkout page was shown; review it and submit again.',
    { fields: [{ field: 'expected_cart_revision', detail: `is ${expected}, the cart is at ${actual}` }] },
  );

export const cartNotBuyable = (problems: readonly { index: number; problem: string }[]): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.CartNotBuyable',
    'Some lines of the cart cannot be bought now.',
    { fields: problems.map((p) => ({ field: `lines[${p.index}]`, detail: p.problem })) },
  );

export const mixedCurrencies = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.MixedCurrencies',
    'An order is paid in one currency: check out the lines of one region at a time.',
    { fields: [{ field: 'lines', detail: 'are priced in more than one currency' }] },
  );

export const pricingUnavailable = (): DomainError =>
  new DomainError(
    ErrorKind.Unavailable,
    'Orders.PricingUnavailable',
    'The catalog cannot be reached to price the cart; try again.',
  );

export const tooLateToCancel = (state: string): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.TooLateToCancel',
    `The order is ${state}: it can no longer be cancelled (ask for a refund).`,
    { fields: [{ field: 'order_id', detail: `is ${state}` }] },
  );

export const notRefundable = (state: string): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.NotRefundable',
    `Only a CONFIRMED order can be refunded; this one is ${state}.`,
    { fields: [{ field: 'order_id', detail: `is ${state}` }] },
  );

export const checkoutUnavailable = (cause: unknown): DomainError =>
  new DomainError(
    ErrorKind.Unavailable,
    'Orders.CheckoutUnavailable',
    'The checkout could not be started; retry with the same idempotency key.',
    { cause },
  );

export const adminRequired = (field: string): DomainError =>
  new DomainError(
    ErrorKind.PermissionDenied,
    'Orders.AdminRequired',
    'Only admins see other users\u2019 orders.',
    {
      fields: [{ field, detail: 'needs role orders.admin or the tenant admin flag' }],
    },
  );
