import { createServer, type IncomingMessage, type Server } from 'node:http';
import { controlSecretFile, createControlSecret, readControlSecret, secretsEqual } from './control-secret.js';
import { ports } from './ports.js';
import { StackError, type ProcessStatus, type Supervisor } from './supervisor.js';

const base = () => `http://127.0.0.1:${ports.control}`;

/** The Host values a local client sends; anything else is a DNS-rebinding attempt or a proxy. */
const allowedHosts = () => new Set([`127.0.0.1:${ports.control}`, `localhost:${ports.control}`]);

/**
 * Why a request is refused before any route runs, or undefined (adr/0066):
 * - a foreign `Host` (DNS rebinding: a page's own name resolved to 127.0.0.1) → 403;
 * - any `Origin` (or a `Sec-Fetch-Site` other than `none`): browsers send them, our clients never do → 403;
 * - no `authorization: Bearer <per-stack secret>` → 401. Browsers cannot add that header to a "simple"
 *   cross-origin request, and the preflight it needs is never granted (no CORS headers are ever sent).
 */
export function refusal(
  req: Pick<IncomingMessage, 'headers'>,
  secret: string,
): { status: number; error: string } | undefined {
  const { host, origin, authorization } = req.headers;
  if (host === undefined || !allowedHosts().has(host.toLowerCase()))
    return { status: 403, error: 'foreign Host: the control API answers 127.0.0.1 only' };
  const fetchSite = req.headers['sec-fetch-site'];
  if (origin !== undefined || (fetchSite !== undefined && fetchSite !== 'none'))
    return { status: 403, error: 'requests from web pages are refused' };
  const presented = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (presented === undefined || !secretsEqual(presented, secret))
    return { status: 401, error: `the control secret (${controlSecretFile}) is required` };
  return undefined;
}

/**
 * A small loopback HTTP API of the running supervisor: `npm run status` reads it, and integration tests use
 * it to restart an app and its sidecar (e.g. to prove actor state survives a restart). Every request needs
 * the per-stack secret this function writes to the data folder (adr/0066); state changes are POSTs.
 */
export function startControlServer(supervisor: Supervisor, onShutdown: () => void): Promise<Server> {
  const secret = createControlSecret();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base());
    const names = url.searchParams.getAll('name');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const refused = refusal(req, secret);
    if (refused !== undefined) {
      req.resume(); // a body is never read
      return reply(refused.status, { error: refused.error });
    }
    const act = async () => {
      if (req.method === 'GET' && url.pathname === '/status') return reply(200, await supervisor.status());
      if (req.method === 'POST' && url.pathname === '/restart') {
        await supervisor.restart(names);
        return reply(200, {});
      }
      if (req.method === 'POST' && url.pathname === '/stop') {
        for (const name of [...names].reverse()) await supervisor.stop(name);
        return reply(200, {});
      }
      if (req.method === 'POST' && url.pathname === '/start') {
        for (const name of names) await supervisor.start(name);
        return reply(200, {});
      }
      if (req.method === 'POST' && url.pathname === '/shutdown') {
        reply(202, {});
        return onShutdown();
      }
      reply(404, { error: `no route ${req.method} ${url.pathname}` });
    };
    act().catch((err: Error) => reply(500, { error: err.message }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(ports.control, '127.0.0.1', () => resolve(server));
  });
}

async function call<T>(method: string, path: string, timeoutMs = 120_000): Promise<T> {
  const secret = readControlSecret();
  if (secret === undefined)
    throw new StackError(`stack control: no ${controlSecretFile} (is the stack running?)`);
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`stack control ${path}: ${body.error ?? res.status}`);
  return body;
}

const query = (names: string[]) => names.map((n) => `name=${encodeURIComponent(n)}`).join('&');

/** Client for the control API (used by the CLI and by tests); sends the secret of the data folder's stack. */
export const stackControl = {
  status: () => call<ProcessStatus[]>('GET', '/status', 5000),
  restart: (names: string[]) => call<unknown>('POST', `/restart?${query(names)}`),
  stop: (names: string[]) => call<unknown>('POST', `/stop?${query(names)}`),
  start: (names: string[]) => call<unknown>('POST', `/start?${query(names)}`),
  shutdown: () => call<unknown>('POST', '/shutdown', 5000),
};
