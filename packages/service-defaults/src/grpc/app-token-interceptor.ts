import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { tokensEqual } from '../security/tokens-equal.js';

export const DAPR_API_TOKEN_HEADER = 'dapr-api-token';

/**
 * Rejects calls whose `dapr-api-token` metadata does not equal APP_API_TOKEN with UNAUTHENTICATED, before
 * the handler (or any later interceptor's listener) sees the request. Liveness and readiness are served over
 * HTTP on HEALTH_PORT. `exemptMethods` (full paths) pass without a token: only for daprd calls that daprd
 * sends without one (see `APP_CALLBACK_TOKENLESS_METHODS`), never for an app's own API.
 */
export function appTokenInterceptor(
  expectedToken: string,
  exemptMethods: ReadonlySet<string> = new Set(),
): ServerInterceptor {
  return (method, call) =>
    exemptMethods.has(method.path)
      ? new ServerInterceptingCall(call)
      : new ServerInterceptingCall(call, {
          start: (next) => {
            next({
              onReceiveMetadata: (metadata, mdNext) => {
                const [received] = metadata.get(DAPR_API_TOKEN_HEADER);
                if (tokensEqual(typeof received === 'string' ? received : undefined, expectedToken)) {
                  mdNext(metadata);
                  return;
                }
                call.sendStatus({
                  code: status.UNAUTHENTICATED,
                  details: 'missing or invalid dapr-api-token',
                });
              },
            });
          },
        });
}
