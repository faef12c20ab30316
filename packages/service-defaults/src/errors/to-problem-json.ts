import type { FieldError } from './domain-error.js';
import { ErrorKind } from './error-kind.js';
import { normalizeError } from './normalize-error.js';

export const PROBLEM_JSON_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details plus Shopstream's `code` and, for validation errors, `errors`. */
export interface ProblemJson {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
}

const STATUS_AND_TITLE: Record<ErrorKind, readonly [number, string]> = {
  [ErrorKind.Validation]: [400, 'Invalid request'],
  [ErrorKind.NotFound]: [404, 'Not found'],
  [ErrorKind.Conflict]: [409, 'Conflict'],
  [ErrorKind.Unauthenticated]: [401, 'Unauthenticated'],
  [ErrorKind.PermissionDenied]: [403, 'Permission denied'],
  [ErrorKind.RateLimited]: [429, 'Too many requests'],
  [ErrorKind.TooLarge]: [413, 'Content too large'],
  [ErrorKind.Unavailable]: [503, 'Service unavailable'],
  [ErrorKind.Internal]: [500, 'Internal error'],
};

export function httpStatusForKind(kind: ErrorKind): number {
  return STATUS_AND_TITLE[kind][0];
}

/** The problem title of an HTTP status this mapping produces (`Error` for any other). */
export function problemTitleOf(status: number): string {
  return Object.values(STATUS_AND_TITLE).find(([s]) => s === status)?.[1] ?? 'Error';
}

/** Maps anything thrown to a problem+json body; serve it with `PROBLEM_JSON_CONTENT_TYPE`. */
export function toProblemJson(error: unknown): ProblemJson {
  const domain = normalizeError(error);
  const [status, title] = STATUS_AND_TITLE[domain.kind];
  const internal = domain.kind === ErrorKind.Internal;
  return {
    type: `urn:shopstream:problem:${domain.code}`,
    title,
    status,
    detail: internal ? 'An unexpected error occurred.' : domain.message,
    code: domain.code,
    ...(domain.fields.length > 0 ? { errors: domain.fields } : {}),
  };
}
