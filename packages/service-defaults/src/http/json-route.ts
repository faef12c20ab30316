import type { DaprServer } from '@dapr/dapr';
import { PROBLEM_JSON_CONTENT_TYPE, toProblemJson } from '../errors/to-problem-json.js';

export interface JsonRequest {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface ExpressResponse {
  status(code: number): ExpressResponse;
  type(contentType: string): ExpressResponse;
  json(body: unknown): void;
  end(): void;
}

type ExpressApp = Record<
  'get' | 'post' | 'put' | 'delete',
  (path: string, handler: (req: JsonRequest, res: ExpressResponse) => void) => void
>;

/**
 * A JSON route on the app's HTTP server (reached through the sidecar with service invocation:
 * /v1.0/invoke/<app>/method/<path>). The handler returns the body (undefined → 204) or throws; errors become
 * RFC 9457 problem+json with the status of their kind, internal details never leak. The SDK's own invoker
 * answers 200 to everything, so HTTP APIs use this instead.
 */
export function jsonRoute(
  server: DaprServer,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  handler: (req: JsonRequest) => Promise<unknown>,
): void {
  const app = server.daprServer.getServer() as ExpressApp;
  app[method](path, (req, res) => {
    handler(req).then(
      (body) => (body === undefined ? res.status(204).end() : res.status(200).json(body)),
      (error: unknown) => {
        const problem = toProblemJson(error);
        res.status(problem.status).type(PROBLEM_JSON_CONTENT_TYPE).json(problem);
      },
    );
  });
}
