import type { Order } from '@shopstream/proto/orders/v1/order.js';
import { FINAL_STATES } from '../../lib/order-enums';
import { transitionView, type TransitionView } from '../../features/orders/order-format';
import type { ServiceResult } from '../grpc/sidecar-grpc';

/**
 * The live order page's Server-Sent Events (adr/0056): the order's transitions as events `transition`
 * with `id: <order version>`, so a reconnect's `Last-Event-ID` resumes after the last one the browser
 * saw. Fed by polling GetOrder (as the shopper, with their token) every `intervalMs`; it ends with an
 * `end` event at a final state, and closes after `maxMs` (the browser reconnects and resumes).
 */
export interface OrderStreamOptions {
  readonly getOrder: () => Promise<ServiceResult<{ order?: Order | undefined }>>;
  /** The version the browser already has (Last-Event-ID), 0 for none. */
  readonly after: number;
  readonly signal: AbortSignal;
  readonly intervalMs?: number;
  readonly maxMs?: number;
}

const encoder = new TextEncoder();

export function sseEvent(event: string, data: unknown, id?: number): Uint8Array {
  const lines = [
    `event: ${event}`,
    ...(id === undefined ? [] : [`id: ${id}`]),
    `data: ${JSON.stringify(data)}`,
  ];
  return encoder.encode(`${lines.join('\n')}\n\n`);
}

export function orderEventStream(options: OrderStreamOptions): ReadableStream<Uint8Array> {
  const intervalMs = options.intervalMs ?? 500;
  const maxMs = options.maxMs ?? 120_000;
  let sent = options.after;
  let stopped = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const started = Date.now();
      const close = () => {
        if (stopped) return;
        stopped = true;
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      options.signal.addEventListener('abort', close, { once: true });
      // The browser waits a second before reconnecting after the stream ends without `end`.
      controller.enqueue(encoder.encode('retry: 1000\n\n'));
      let lastBeat = Date.now();
      while (!stopped && Date.now() - started < maxMs) {
        const result = await options.getOrder();
        if (stopped) break;
        if (!result.ok) {
          // Not found / not yours / signed out: say so and stop; unavailable: try again next round.
          if (result.problem.status < 500) {
            controller.enqueue(
              sseEvent('problem', { status: result.problem.status, code: result.problem.code }),
            );
            close();
            break;
          }
        } else if (result.value.order) {
          const order = result.value.order;
          const fresh: TransitionView[] = order.transitions
            .map(transitionView)
            .filter((t) => t.version > sent)
            .sort((a, b) => a.version - b.version);
          for (const t of fresh) {
            controller.enqueue(sseEvent('transition', t, t.version));
            sent = t.version;
          }
          if (FINAL_STATES.has(order.state)) {
            controller.enqueue(sseEvent('end', { state: order.state, version: sent }));
            close();
            break;
          }
        }
        if (Date.now() - lastBeat > 15_000) {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
          lastBeat = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      close();
    },
    cancel() {
      stopped = true;
    },
  });
}
