import { DomainError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';

// Messages are fixed strings: nothing from the token (claims, kid, header) ever reaches an error.

export function invalidToken(): DomainError {
  return new DomainError(ErrorKind.Unauthenticated, 'Auth.InvalidToken', 'The access token is invalid.');
}

export function tokenExpired(): DomainError {
  return new DomainError(ErrorKind.Unauthenticated, 'Auth.TokenExpired', 'The access token has expired.');
}

export function missingToken(): DomainError {
  return new DomainError(ErrorKind.Unauthenticated, 'Auth.MissingToken', 'An access token is required.');
}

/**
 * The token is authentic but was issued for another tenant. `permission_denied`, not `unauthenticated`:
 * refreshing would yield a token for the same tenant again, so a 401 would only make clients loop.
 */
export function wrongTenant(): DomainError {
  return new DomainError(
    ErrorKind.PermissionDenied,
    'Auth.WrongTenant',
    'The access token belongs to another tenant.',
  );
}

export function missingRole(): DomainError {
  return new DomainError(
    ErrorKind.PermissionDenied,
    'Auth.MissingRole',
    'The caller lacks a role this operation requires.',
  );
}

/** No policy entry for the method or route: deny by default. */
export function noPolicy(): DomainError {
  return new DomainError(ErrorKind.PermissionDenied, 'Auth.NoPolicy', 'This operation is not permitted.');
}

export function keysUnavailable(cause?: unknown): DomainError {
  return new DomainError(
    ErrorKind.Unavailable,
    'Auth.KeysUnavailable',
    'The token signing keys could not be loaded.',
    cause === undefined ? {} : { cause },
  );
}
