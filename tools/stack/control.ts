import { createServer, type Server } from 'node:http';
import { ports } from './ports.js';
import type { ProcessStatus, Supervisor } from './supervisor.js';

const base = () => `http://127.0.0.1:${ports.control}`;

/**
 * A small loopback HTTP API of the running supervisor: `npm run status` reads it, and integration tests use
 * it to restart an app and its sidecar (e.g. to prove actor state survives a restart).
 */
export function startControlServer(supervisor: Supervisor, onShutdown: () => void): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base());
    const names = url.searchParams.getAll('name');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
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
  const res = await fetch(`${base()}${path}`, { method, signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`stack control ${path}: ${body.error ?? res.status}`);
  return body;
}

const query = (names: string[]) => names.map((n) => `name=${encodeURIComponent(n)}`).join('&');

/** Client for the control API (used by the CLI and by tests). */
export const stackControl = {
  status: () => call<ProcessStatus[]>('GET', '/status', 5000),
  restart: (names: string[]) => call<unknown>('POST', `/restart?${query(names)}`),
  stop: (names: string[]) => call<unknown>('POST', `/stop?${query(names)}`),
  start: (names: string[]) => call<unknown>('POST', `/start?${query(names)}`),
  shutdown: () => call<unknown>('POST', '/shutdown', 5000),
};
