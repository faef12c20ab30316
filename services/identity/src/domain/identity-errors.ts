import { DomainError, ErrorKind } from '@shopstream/service-defaults';

/** The errors of the identity domain. Fixed messages: no email, password or token ever appears in one. */
export const invalidCredentials = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.InvalidCredentials',
    'The email or password is wrong.',
  );

export const tooManyAttempts = (): DomainError =>
  new DomainError(
    ErrorKind.RateLimited,
    'Identity.TooManyAttempts',
    'Too many sign-in attempts; try again later.',
  );

export const invalidRefreshToken = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.InvalidRefreshToken',
    'The session is invalid or has ended; sign in again.',
  );

export const refreshReused = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.RefreshReused',
    'This refresh token was already used; the session has been ended. Sign in again.',
  );

export const userNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Identity.UserNotFound', 'The user does not exist.');

export const unknownTenant = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Identity.UnknownTenant', 'The tenant does not exist.');

export const refreshContention = (): DomainError =>
  new DomainError(
    ErrorKind.Unavailable,
    'Identity.RefreshContention',
    'The session is being refreshed concurrently; retry.',
  );

/** A duplicate sign-up: the email (case-folded) is already registered in the tenant. */
export const emailTaken = (): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Identity.EmailTaken',
    'An account with this email address already exists.',
    { fields: [{ field: 'email', detail: 'is already registered' }] },
  );

/** The browser session is over (idle-expired, revoked or evicted by SessionActor); its family is ended too. */
export const sessionEnded = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.SessionEnded',
    'The session has ended; sign in again.',
  );

/**
 * A service client's credentials are wrong: an unknown client id and a wrong secret get this same answer,
 * so the grant does not reveal which client ids exist (adr/0065).
 */
export const invalidClient = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.InvalidClient',
    'The service client credentials are invalid.',
  );
