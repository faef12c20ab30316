import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  DomainError,
  ERROR_CODE_METADATA_KEY,
  ErrorKind,
  isDomainError,
  type UnaryMethod,
} from '@shopstream/service-defaults';
import type { ServiceCredentials } from '../app/ports.js';

const KIND_BY_CODE: Partial<Record<status, ErrorKind>> = {
  [status.INVALID_ARGUMENT]: ErrorKind.Validation,
  [status.NOT_FOUND]: ErrorKind.NotFound,
  [status.ABORTED]: ErrorKind.Conflict,
  [status.ALREADY_EXISTS]: ErrorKind.Conflict,
  [status.FAILED_PRECONDITION]: ErrorKind.Conflict,
  [status.UNAUTHENTICATED]: ErrorKind.Unauthenticated,
  [status.PERMISSION_DENIED]: ErrorKind.PermissionDenied,
  [status.UNAVAILABLE]: ErrorKind.Unavailable,
  [status.DEADLINE_EXCEEDED]: ErrorKind.Unavailable,
  [status.RESOURCE_EXHAUSTED]: ErrorKind.Unavailable,
  [status.CANCELLED]: ErrorKind.Unavailable,
};

/**
 * A failed call of another service as a DomainError with the callee's code (the first `x-error-code` value:
 * daprd joins the trailers of its retries) and a kind from the gRPC status; anything unexpected is
 * unavailable (retryable), never a business answer.
 */
export function domainErrorOf(service: string, error: ServiceError): DomainError {
  const raw = error.metadata?.get(ERROR_CODE_METADATA_KEY)[0];
  const code =
    typeof raw === 'string' && raw !== '' ? (raw.split(',')[0] ?? raw).trim() : `${service}.Unavailable`;
  const kind = KIND_BY_CODE[error.code] ?? ErrorKind.Unavailable;
  return new DomainError(kind, code, `${service}: ${error.details || error.message}`, { cause: error });
}

/** One unary call with a bearer token and a deadline; errors as `domainErrorOf`. */
export function callUnary<Req, Res>(
  service: string,
  method: UnaryMethod<Req, Res>,
  request: Req,
  token: string,
  deadlineMs: number,
): Promise<Res> {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return new Promise<Res>((resolve, reject) => {
    method(request, metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) reject(domainErrorOf(service, error));
      else resolve(response);
    });
  });
}

/**
 * One call with this service's token for `tenantId`; a callee that refuses the token (UNAUTHENTICATED: it
 * expired early, keys rotated) gets one retry with a fresh one.
 */
export async function withServiceToken<T>(
  credentials: ServiceCredentials,
  tenantId: string,
  call: (token: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(await credentials.accessToken(tenantId));
  } catch (error) {
    if (!isDomainError(error) || error.kind !== ErrorKind.Unauthenticated) throw error;
    credentials.invalidate(tenantId);
    return call(await credentials.accessToken(tenantId));
  }
}
