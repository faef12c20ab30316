import type { Logger } from 'pino';
import { PROBLEM_JSON_CONTENT_TYPE, toProblemJson } from '../errors/to-problem-json.js';

type Handler = (req: unknown, res: ResponseLike, next: (err?: unknown) => void) => unknown;
interface ResponseLike {
  headersSent: boolean;
  status(code: number): ResponseLike;
  type(contentType: string): ResponseLike;
  json(body: unknown): void;
}
type RouteMethod = (path: unknown, ...handlers: Handler[]) => unknown;
type AppLike = Record<'get' | 'post' | 'put' | 'delete', RouteMethod>;

/**
 * Express 4 (inside the Dapr SDK) does not catch rejected promises of async route handlers, and some SDK
 * handlers throw (e.g. daprd deactivating an actor this process never activated, after a restart). Unhandled,
 * that would take the whole service down. Every route registered on the app, by the SDK or by us, is wrapped
 * so a rejection becomes a logged 500 problem+json instead.
 */
export function guardAsyncRoutes(app: AppLike, logger: Logger): void {
  for (const method of ['get', 'post', 'put', 'delete'] as const) {
    const register = app[method].bind(app);
    app[method] = (path: unknown, ...handlers: Handler[]) => {
      if (handlers.length === 0) return register(path); // app.get('setting')
      return register(
        path,
        ...handlers.map((handler): Handler => (req, res, next) => {
          const fail = (error: unknown) => {
            logger.warn({ err: error, route: String(path), method }, 'route handler failed');
            if (res.headersSent) return;
            const problem = toProblemJson(error);
            res.status(problem.status).type(PROBLEM_JSON_CONTENT_TYPE).json(problem);
          };
          try {
            const result = handler(req, res, next);
            if (result instanceof Promise) result.catch(fail);
            return result;
          } catch (error) {
            return fail(error);
          }
        }),
      );
    };
  }
}
