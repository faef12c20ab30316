import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Alertmanager's webhook payload (version 4), the fields we keep. */
const notificationSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupKey: z.string(),
  alerts: z.array(
    z.object({
      status: z.enum(['firing', 'resolved']),
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()).default({}),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
  ),
});

export type AlertNotification = z.infer<typeof notificationSchema> & { receivedAt: string };

const MAX_BODY_BYTES = 1024 * 1024;
const KEPT = 500;

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const problem = (status: number, title: string, detail: string) =>
  JSON.stringify({ type: 'about:blank', status, title, detail });

/**
 * The stack's alert receiver: Alertmanager posts every notification here (`POST /alerts`); each one is
 * appended to `file` (JSON lines) and the last 500 are served at `GET /alerts` for tests and the back office.
 * Loopback only; it stores alert labels and annotations, which carry no personal data by construction.
 */
export function alertSink(file: string): Server {
  mkdirSync(dirname(file), { recursive: true });
  const kept: AlertNotification[] = [];
  return createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'GET' && path === '/healthz') return send(200, '{"status":"ok"}');
    if (req.method === 'GET' && path === '/alerts') return send(200, JSON.stringify({ notifications: kept }));
    if (req.method !== 'POST' || path !== '/alerts')
      return send(
        404,
        problem(404, 'Not found', 'POST /alerts, GET /alerts, GET /healthz'),
        'application/problem+json',
      );
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(
        415,
        problem(415, 'Unsupported media type', 'send application/json'),
        'application/problem+json',
      );
    readBody(req).then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return send(400, problem(400, 'Bad request', 'the body is not JSON'), 'application/problem+json');
        }
        const parsed = notificationSchema.safeParse(json);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          const detail = `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`;
          return send(
            400,
            problem(400, 'Not an Alertmanager notification', detail),
            'application/problem+json',
          );
        }
        const note = { ...parsed.data, receivedAt: new Date().toISOString() };
        kept.push(note);
        if (kept.length > KEPT) kept.splice(0, kept.length - KEPT);
        appendFileSync(file, `${JSON.stringify(note)}\n`);
        send(202, '{"accepted":true}');
      },
      (error: unknown) =>
        error instanceof TooLarge
          ? send(
              413,
              problem(413, 'Payload too large', `at most ${MAX_BODY_BYTES} bytes`),
              'application/problem+json',
            )
          : send(400, problem(400, 'Bad request', 'the body could not be read'), 'application/problem+json'),
    );
  });
}
