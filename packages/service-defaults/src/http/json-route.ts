import type { DaprServer } from '@dapr/dapr';
import { PROBLEM_JSON_CONTENT_TYPE, toProblemJson } from '../errors/to-problem-json.js';

export interface JsonRequest {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface ExpressResponse {
  setHeader(name: string, value: string | readonly string[]): void;
  status(code: number): ExpressResponse;
  type(contentType: string): ExpressResponse;
  json(body: unknown): void;
  end(): void;
}

type ExpressApp = Record<
  'get' | 'post' | 'put' | 'delete',
  (path: string, handler: (req: JsonRequest, res: ExpressResponse) => void) => void
>;

export type ReplyHeaders = Readonly<Record<string, string | readonly string[]>>;

const REPLY = Symbol('JsonReply');

/** A handler's answer with response headers (e.g. `Set-Cookie`); build it with {@link jsonReply}. */
export interface JsonReply {
  readonly [REPLY]: true;
  readonly body: unknown;
  readonly headers: ReplyHeaders;
}

/** `body` (undefined → 204) with `headers`, for handlers that must set more than the body. */
export function jsonReply(body: unknown, headers: ReplyHeaders): JsonReply {
  return { [REPLY]: true, body, headers };
}

function isJsonReply(value: unknown): value is JsonReply {
  return typeof value === 'object' && value !== null && REPLY in value;
}

export interface JsonRouteOptions {
  /** Headers added to an error answer (e.g. clearing the session cookies when a refresh fails). */
  readonly errorHeaders?: (error: unknown) => ReplyHeaders | undefined;
}

function setHeaders(res: ExpressResponse, headers: ReplyHeaders | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
}

/**
 * A JSON route on the app's HTTP server (reached through the sidecar with service invocation:
 * /v1.0/invoke/<app>/method/<path>). The handler returns the body (undefined → 204) or throws; errors become
 * RFC 9457 problem+json with the status of their kind, internal details never leak. Return
 * `jsonReply(body, headers)` to set response headers. The SDK's own invoker
 * answers 200 to everything, so HTTP APIs use this instead.
 */
export function jsonRoute(
  server: DaprServer,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  handler: (req: JsonRequest) => Promise<unknown>,
  options: JsonRouteOptions = {},
): void {
  const app = server.daprServer.getServer() as ExpressApp;
  app[method](path, (req, res) => {
    handler(req).then(
      (result) => {
        let body = result;
        if (isJsonReply(result)) {
          setHeaders(res, result.headers);
          body = result.body;
        }
        if (body === undefined) res.status(204).end();
        else res.status(200).json(body);
      },
      (error: unknown) => {
        setHeaders(res, options.errorHeaders?.(error));
        const problem = toProblemJson(error);
        res.status(problem.status).type(PROBLEM_JSON_CONTENT_TYPE).json(problem);
      },
    );
  });
}
