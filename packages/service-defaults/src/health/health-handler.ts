import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from './readiness.js';

export const LIVENESS_PATH = '/healthz';
export const READINESS_PATH = '/readyz';
export const HEALTH_PATHS: readonly string[] = [LIVENESS_PATH, READINESS_PATH];

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Node/express-compatible handler for `/healthz` (process alive) and `/readyz` (200 when every check
 * passes, 503 with the failing checks otherwise). Calls `next` for other paths.
 */
export function createHealthHandler(readiness: Readiness) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (path === LIVENESS_PATH) return sendJson(res, 200, { status: 'ok' });
    if (path !== READINESS_PATH) return next();
    readiness.run().then(
      (report) => {
        const failing = report.checks.filter((check) => !check.ok);
        if (report.ready) sendJson(res, 200, { status: 'ready', checks: report.checks });
        else sendJson(res, 503, { status: 'not_ready', failing });
      },
      () => sendJson(res, 503, { status: 'not_ready', failing: [{ name: 'readiness', ok: false }] }),
    );
  };
}
