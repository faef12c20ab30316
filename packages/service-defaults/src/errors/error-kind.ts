/** What went wrong, independent of transport. Each kind maps to one gRPC code and one HTTP status. */
export const ErrorKind = {
  Validation: 'validation',
  NotFound: 'not_found',
  Conflict: 'conflict',
  Unauthenticated: 'unauthenticated',
  PermissionDenied: 'permission_denied',
  RateLimited: 'rate_limited',
  /** The request itself is too large (body, batch size). */
  TooLarge: 'too_large',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;

export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];
