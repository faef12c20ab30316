import type { FieldError } from './domain-error.js';
import {
  ERROR_CODE_METADATA_KEY,
  ERROR_KIND_METADATA_KEY,
  FIELD_ERRORS_METADATA_KEY,
} from './error-metadata.js';
import { ErrorKind } from './error-kind.js';
import { httpStatusForKind, problemTitleOf, type ProblemJson } from './to-problem-json.js';

/**
 * THE mapping from a gRPC failure of a Shopstream service to the HTTP problem a web page, route handler or
 * BFF answers with (the inverse of `toGrpcStatus`). The service's ErrorKind trailer decides the status
 * (`too_large` → 413, `rate_limited` → 429, both RESOURCE_EXHAUSTED on the wire); without it (a peer that
 * does not send it) the gRPC code does, as google.rpc.Code documents. A failure without an error-code
 * trailer did not come from the service's own mapping (sidecar or app down, deadline, a crash): it is
 * `undefined`, and the caller answers with its own "unavailable" message.
 *
 * No grpc-js import: `metadata` is anything with grpc-js' `get(key)`, so the web app loads this without it.
 */

export interface GrpcFailure {
  readonly code: number;
  readonly details: string;
  readonly metadata?: { get(key: string): readonly (string | Buffer)[] } | undefined;
}

/** google.rpc.Code → HTTP status, for failures without an ErrorKind trailer. */
const HTTP_BY_GRPC_CODE: Readonly<Record<number, number>> = {
  1: 499, // CANCELLED
  3: 400, // INVALID_ARGUMENT
  4: 504, // DEADLINE_EXCEEDED
  5: 404, // NOT_FOUND
  6: 409, // ALREADY_EXISTS
  7: 403, // PERMISSION_DENIED
  8: 429, // RESOURCE_EXHAUSTED
  9: 400, // FAILED_PRECONDITION
  10: 409, // ABORTED
  11: 400, // OUT_OF_RANGE
  12: 501, // UNIMPLEMENTED
  13: 500, // INTERNAL
  14: 503, // UNAVAILABLE
  16: 401, // UNAUTHENTICATED
};

const KINDS = new Set<string>(Object.values(ErrorKind));

const first = (failure: GrpcFailure, key: string): string | undefined => {
  const value = failure.metadata?.get(key)[0];
  return value === undefined ? undefined : String(value);
};

function fieldErrorsOf(raw: string | undefined): FieldError[] {
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.map((f: { field?: unknown; detail?: unknown }) => ({
      field: String(f.field),
      detail: String(f.detail),
    }));
  } catch {
    return [];
  }
}

/** The HTTP status of a gRPC failure: by its ErrorKind trailer when it has one, else by its code. */
export function httpStatusOfGrpcFailure(failure: GrpcFailure): number {
  const kind = first(failure, ERROR_KIND_METADATA_KEY);
  if (kind !== undefined && KINDS.has(kind)) return httpStatusForKind(kind as ErrorKind);
  return HTTP_BY_GRPC_CODE[failure.code] ?? 500;
}

/** A service's coded failure as problem+json, or undefined when the service did not answer with one. */
export function problemFromGrpcFailure(failure: GrpcFailure): ProblemJson | undefined {
  const code = first(failure, ERROR_CODE_METADATA_KEY);
  if (code === undefined) return undefined;
  const status = httpStatusOfGrpcFailure(failure);
  // The service's details read `<code>: <message>`; the message alone is for people.
  const detail = failure.details.startsWith(`${code}: `)
    ? failure.details.slice(code.length + 2)
    : failure.details;
  const errors = fieldErrorsOf(first(failure, FIELD_ERRORS_METADATA_KEY));
  return {
    type: `urn:shopstream:problem:${code}`,
    title: problemTitleOf(status),
    status,
    detail,
    code,
    ...(errors.length > 0 ? { errors } : {}),
  };
}
