import { Metadata, status as GrpcCode, type ServiceError } from '@grpc/grpc-js';
import {
  ERROR_CODE_METADATA_KEY,
  ERROR_KIND_METADATA_KEY,
  FIELD_ERRORS_METADATA_KEY,
} from './error-metadata.js';
import { ErrorKind } from './error-kind.js';
import { normalizeError } from './normalize-error.js';

const CODE_BY_KIND: Record<ErrorKind, GrpcCode> = {
  [ErrorKind.Validation]: GrpcCode.INVALID_ARGUMENT,
  [ErrorKind.NotFound]: GrpcCode.NOT_FOUND,
  [ErrorKind.Conflict]: GrpcCode.ABORTED,
  [ErrorKind.Unauthenticated]: GrpcCode.UNAUTHENTICATED,
  [ErrorKind.PermissionDenied]: GrpcCode.PERMISSION_DENIED,
  [ErrorKind.RateLimited]: GrpcCode.RESOURCE_EXHAUSTED,
  [ErrorKind.TooLarge]: GrpcCode.RESOURCE_EXHAUSTED,
  [ErrorKind.Unavailable]: GrpcCode.UNAVAILABLE,
  [ErrorKind.Internal]: GrpcCode.INTERNAL,
};

export { ERROR_CODE_METADATA_KEY, ERROR_KIND_METADATA_KEY, FIELD_ERRORS_METADATA_KEY };

export interface GrpcErrorStatus {
  readonly code: GrpcCode;
  /** `<code>: <message>`; internal errors get a generic message, never the original one. */
  readonly details: string;
  readonly metadata: Metadata;
}

export function grpcCodeForKind(kind: ErrorKind): GrpcCode {
  return CODE_BY_KIND[kind];
}

/** Brands errors made by `toServiceError`, so mapping twice (helper + server wrapper) is a no-op. */
const MAPPED = Symbol('shopstream.grpc-status');
type MappedServiceError = ServiceError & { [MAPPED]: GrpcErrorStatus };

function isMapped(error: unknown): error is MappedServiceError {
  return typeof error === 'object' && error !== null && MAPPED in error;
}

/** Maps anything thrown to the status a gRPC handler should return. */
export function toGrpcStatus(error: unknown): GrpcErrorStatus {
  if (isMapped(error)) return error[MAPPED];
  const domain = normalizeError(error);
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_METADATA_KEY, domain.code);
  metadata.set(ERROR_KIND_METADATA_KEY, domain.kind);
  if (domain.fields.length > 0) metadata.set(FIELD_ERRORS_METADATA_KEY, JSON.stringify(domain.fields));
  const message = domain.kind === ErrorKind.Internal ? 'Internal error.' : domain.message;
  return { code: grpcCodeForKind(domain.kind), details: `${domain.code}: ${message}`, metadata };
}

/** `toGrpcStatus` shaped as the `ServiceError` a grpc-js callback or `call.destroy()` accepts. */
export function toServiceError(error: unknown): ServiceError {
  if (isMapped(error)) return error;
  const status = toGrpcStatus(error);
  const serviceError = Object.assign(new Error(status.details), status);
  Object.defineProperty(serviceError, MAPPED, { value: status, enumerable: false });
  return serviceError;
}
