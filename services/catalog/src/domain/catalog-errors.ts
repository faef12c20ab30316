import { DomainError, ErrorKind, type FieldError } from '@shopstream/service-defaults';

// Fixed messages built from ids, versions and region codes only: no product text, no token, no personal data.

export const productNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Catalog.ProductNotFound', 'The product does not exist.');

export const skuNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Catalog.SkuNotFound', 'The SKU does not exist.', {
    fields: [{ field: 'skuId', detail: 'no SKU with this id in the tenant' }],
  });

export const notStocked = (region: string): DomainError =>
  new DomainError(
    ErrorKind.NotFound,
    'Catalog.NotStocked',
    `The SKU has no stock record in region "${region}".`,
    { fields: [{ field: 'region', detail: 'the SKU is not stocked in this region' }] },
  );

export const versionConflict = (
  expected: number,
  current: number,
  changedSince: readonly string[] = [],
): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.VersionConflict',
    `The product is at version ${current}, the edit was based on version ${expected}: re-read it and apply the edit again.`,
    {
      fields: [
        {
          field: 'expectedVersion',
          detail:
            changedSince.length === 0
              ? `the current version is ${current}`
              : `the current version is ${current}; changed since: ${changedSince.join(', ')}`,
        },
      ],
    },
  );

export const duplicateSkuCode = (fields: readonly FieldError[]): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.DuplicateSkuCode',
    'A SKU code is already taken in this tenant.',
    {
      fields,
    },
  );

/** A code taken by a concurrent change (the code check passed, the unique constraint did not). */
export const concurrentSkuCode = (): DomainError =>
  duplicateSkuCode([{ field: 'product.skus', detail: 'a SKU code was taken by a concurrent change' }]);

export const productArchived = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.ProductArchived',
    'The product is archived and can no longer be changed.',
  );

export const notForSale = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.NotForSale',
    'The SKU is not for sale (its product is not active or the SKU was retired).',
  );

export const insufficientStock = (available: number, requested: number): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.InsufficientStock',
    `Only ${available} unit(s) available, ${requested} requested.`,
    { fields: [{ field: 'quantity', detail: `at most ${available} available` }] },
  );

export const reservationReleased = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.ReservationReleased',
    'This reservation key was already released; use a new key to reserve again.',
  );

export const reservationSold = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.ReservationSold',
    'This reservation was sold (its order is final); sold units are never given back.',
  );

export const reservationNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Catalog.ReservationNotFound', 'No reservation has this key.', {
    fields: [{ field: 'idempotencyKey', detail: 'no reservation with this key in the tenant' }],
  });

export const idempotencyKeyReused = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Catalog.IdempotencyKeyReused',
    'The idempotency key was already used for a different request.',
    { fields: [{ field: 'idempotencyKey', detail: 'already used for a different request' }] },
  );

export const notRegionAdmin = (region: string): DomainError =>
  new DomainError(
    ErrorKind.PermissionDenied,
    'Catalog.NotRegionAdmin',
    `Only catalog admins of region "${region}" (role catalog.admin:${region}) or tenant admins may do this.`,
  );

export const notStockManager = (region: string): DomainError =>
  new DomainError(
    ErrorKind.PermissionDenied,
    'Catalog.NotStockManager',
    `Changing stock needs role catalog.stock, catalog.admin:${region} or the tenant admin flag.`,
  );

export const tenantRequired = (header: string): DomainError =>
  new DomainError(
    ErrorKind.Validation,
    'Catalog.TenantRequired',
    `Anonymous calls must name the tenant in the "${header}" metadata.`,
    { fields: [{ field: header, detail: 'required without an access token' }] },
  );

export const invalidPageToken = (): DomainError =>
  new DomainError(
    ErrorKind.Validation,
    'Catalog.InvalidPageToken',
    'The page token is invalid or was issued for other filters.',
    { fields: [{ field: 'page.pageToken', detail: 'not a token of this list' }] },
  );

export const payloadTooLarge = (field: string, maxBytes: number): DomainError =>
  new DomainError(
    ErrorKind.TooLarge,
    'Catalog.PayloadTooLarge',
    `The request is larger than ${maxBytes} bytes.`,
    {
      fields: [{ field, detail: `at most ${maxBytes} bytes` }],
    },
  );
