import type { IncomingMessage } from 'node:http';

/** How much of a refused body is read and thrown away, at most, before the connection is cut. */
export const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

/**
 * After a request was answered without its body (413, 411), reads the rest of the body and throws it
 * away, so that the client, still sending, gets to read the answer (closing a socket with unread data
 * makes the kernel send a reset, which can destroy the answer in the client's buffer). A client that
 * goes on past `maxBytes` is cut off.
 */
export function drainRefusedBody(req: IncomingMessage, maxBytes = MAX_DRAIN_BYTES): void {
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) req.destroy();
  });
  req.on('error', () => undefined); // a cut-off client is not our error
}
