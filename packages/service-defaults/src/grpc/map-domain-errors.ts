import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { toServiceError } from '../errors/to-grpc-status.js';

type AnyCallback = (error: unknown, ...rest: unknown[]) => void;
type AnyHandler = (call: unknown, callback?: AnyCallback) => unknown;

/**
 * grpc-js turns a handler's error into UNKNOWN unless it carries a numeric `code`, and interceptors only see
 * the converted status. So DomainError → status mapping wraps handlers: the callback of unary and
 * client-streaming handlers gets `toServiceError(err)`; a rejected promise from an async handler is mapped too.
 * Streaming handlers that fail should call `call.destroy(toServiceError(err))` themselves.
 */
export function mapDomainErrors<T extends UntypedServiceImplementation>(implementation: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(implementation)) {
    const original = handler as AnyHandler;
    wrapped[name] = (call: unknown, callback?: AnyCallback) => {
      const mappedCallback: AnyCallback | undefined = callback
        ? (error, ...rest) => (error ? callback(toServiceError(error)) : callback(null, ...rest))
        : undefined;
      try {
        const result = original(call, mappedCallback);
        if (result instanceof Promise && mappedCallback)
          result.catch((error: unknown) => mappedCallback(error));
        return result;
      } catch (error) {
        if (!mappedCallback) throw error;
        mappedCallback(error);
        return undefined;
      }
    };
  }
  return wrapped as T;
}
