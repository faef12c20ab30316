import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import {
  DomainError,
  drainRefusedBody,
  ErrorKind,
  PROBLEM_JSON_CONTENT_TYPE,
  toProblemJson,
} from '@shopstream/service-defaults';
import type { PaymentsDeps } from '../../app/ports.js';
import { receiveWebhook } from '../../app/receive-webhook.js';
import { webhookTooLarge } from '../../domain/payment-errors.js';

/** Stripe's events are a few KiB; anything near this is not one. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
export const WEBHOOK_PATH = '/webhooks/stripe';

export interface WebhookServer {
  readonly port: number;
  close(): Promise<void>;
}

const notFound = () => new DomainError(ErrorKind.NotFound, 'Payments.NoSuchEndpoint', 'No such endpoint.');
const methodNotAllowed = () =>
  new DomainError(ErrorKind.Validation, 'Payments.MethodNotAllowed', `Only POST ${WEBHOOK_PATH} is served.`);

/**
 * The raw body (the signature covers the exact bytes), refused once it passes `MAX_WEBHOOK_BYTES`: at once
 * when `Content-Length` says so (nothing is read first), else as soon as the count passes it. The rest of a
 * refused body is drained (`drainRefusedBody`) so that the 413 reaches a sender that is still sending.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      req.removeAllListeners('data');
      drainRefusedBody(req);
      reject(webhookTooLarge(MAX_WEBHOOK_BYTES));
    };
    if (Number(req.headers['content-length'] ?? '0') > MAX_WEBHOOK_BYTES) return refuse();
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_WEBHOOK_BYTES) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: unknown) {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

/**
 * The payments app's HTTP side (APP_HTTP_PORT): `POST /webhooks/stripe` only. Verified events answer 200
 * with what they did (`applied`, `unchanged`, `duplicate`, `ignored` — a redelivery must get a 2xx, or
 * Stripe keeps retrying); a forged or stale signature 401, a malformed event 400, a body over 64 KiB 413, all
 * problem+json. Logs carry event id, type and outcome only.
 */
export function startWebhookServer(deps: PaymentsDeps, port: number, logger: Logger): Promise<WebhookServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.url?.split('?')[0] !== WEBHOOK_PATH) throw notFound();
      if (req.method !== 'POST') throw methodNotAllowed();
      const signature = req.headers['stripe-signature'];
      const body = await readBody(req);
      const receipt = await receiveWebhook(deps, body, Array.isArray(signature) ? undefined : signature);
      logger.info({ eventId: receipt.eventId, outcome: receipt.outcome }, 'stripe webhook');
      send(res, 200, 'application/json', { received: true, outcome: receipt.outcome });
    } catch (error) {
      const problem = toProblemJson(error);
      if (problem.status >= 500) logger.error({ err: error }, 'stripe webhook failed');
      else logger.warn({ code: problem.code }, 'stripe webhook refused');
      send(res, problem.status, PROBLEM_JSON_CONTENT_TYPE, problem);
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
