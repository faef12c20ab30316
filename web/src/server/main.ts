/**
 * The web app as a Dapr app: the site on APP_PORT and `/healthz` on HEALTH_PORT (the supervisor probes it),
 * both on 127.0.0.1. Serves the production build in `.next` (the bootstrap builds it when web/ changed).
 */
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { drainRefusedBody } from '@shopstream/service-defaults';
import { webConfig, WebConfigError } from './config.js';
import { bodyRefusal } from './security/body-limit.js';

const log = (msg: string, extra: Record<string, unknown> = {}) =>
  process.stdout.write(
    `${JSON.stringify({ level: 'info', time: new Date().toISOString(), service: 'web', msg, ...extra })}\n`,
  );

let config;
try {
  config = webConfig();
} catch (err) {
  if (err instanceof WebConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  throw err;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const app = next({ dev: false, dir, hostname: '127.0.0.1', port: config.APP_PORT });
let ready = false;

const health = createServer((req, res) => {
  const ok = req.url === '/healthz' && ready;
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'starting' }));
});
health.listen(config.HEALTH_PORT, '127.0.0.1');

await app.prepare();
const handle = app.getRequestHandler();
const site = createServer((req, res) => {
  // Every tenant decision starts from the Host header, and a hostless request inside the app can only be
  // the image optimizer's own fetch (adr/0025): HTTP/1.0 requests without Host stop here.
  if (!req.headers.host) {
    res.writeHead(400, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'urn:shopstream:problem:Web.MissingHost',
        title: 'Bad request',
        status: 400,
        detail: 'A Host header is required.',
      }),
    );
    return;
  }
  // Bodies are sized before Next reads them (adr/0067): 413 (or 411 without a length) as problem+json.
  const refused = bodyRefusal(req.method, req.headers);
  if (refused) {
    res.writeHead(refused.status, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify(refused.problem));
    drainRefusedBody(req); // the client is still sending: let it finish and read the answer
    return;
  }
  // This server is the edge: the client address comes from the socket, never from what the client sent.
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '127.0.0.1';
  void handle(req, res);
});
site.listen(config.APP_PORT, '127.0.0.1', () => {
  ready = true;
  log('web listening', { url: `http://127.0.0.1:${config.APP_PORT}` });
});

const stop = () => {
  health.close();
  site.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
