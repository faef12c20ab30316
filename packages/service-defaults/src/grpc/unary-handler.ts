import type { handleUnaryCall, ServerUnaryCall } from '@grpc/grpc-js';
import { toServiceError } from '../errors/to-grpc-status.js';

/**
 * Writes a unary gRPC handler as an async function: return the response or throw (a DomainError, a ZodError,
 * anything); the error is mapped with `toGrpcStatus`, so internal details never reach the caller.
 */
export function unaryHandler<Req, Res>(
  handler: (request: Req, call: ServerUnaryCall<Req, Res>) => Promise<Res> | Res,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => handler(call.request, call))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(toServiceError(error)),
      );
  };
}
