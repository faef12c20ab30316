import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedMetrics } from './red-metrics.js';

/** Express sets `req.route` once a route matched; its `path` is the template we want. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** Express-compatible middleware recording RED metrics when the response finishes. */
export function httpRedMiddleware(red: RedMetrics) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    res.once('finish', () => {
      const template = req.route?.path;
      red.record({
        protocol: 'http',
        method: req.method ?? 'GET',
        route: typeof template === 'string' ? template : 'unmatched',
        statusCode: res.statusCode,
        error: res.statusCode >= 500,
        durationMs: performance.now() - started,
      });
    });
    next();
  };
}
