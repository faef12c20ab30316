import { describe, expect, it } from 'vitest';
import type { Order } from '@shopstream/proto/orders/v1/order.js';
import { orderEventStream } from './order-stream';

const at = (s: number) => ({ seconds: String(1_796_596_800 + s), nanos: 0 });
const transition = (from: number, to: number, version: number, reason = '') => ({
  fromState: from,
  toState: to,
  reason,
  at: at(version),
  version: String(version),
});

/** Orders as GetOrder would answer them over time: PENDING, then reserved, then compensated. */
const history = [
  [transition(0, 1, 1)],
  [transition(0, 1, 1), transition(1, 2, 2)],
  [transition(0, 1, 1), transition(1, 2, 2), transition(2, 8, 3, 'card_declined')],
];
const stateOf = [1, 2, 8];

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}

function source() {
  let call = 0;
  return () => {
    const i = Math.min(call, history.length - 1);
    call += 1;
    return Promise.resolve({
      ok: true as const,
      value: { order: { state: stateOf[i], transitions: history[i] } as unknown as Order },
    });
  };
}

describe('the live order stream', () => {
  it('sends each transition once with its version as the event id, and ends at a final state', async () => {
    const text = await read(
      orderEventStream({ getOrder: source(), after: 0, signal: new AbortController().signal, intervalMs: 1 }),
    );
    expect(text.match(/^id: \d+$/gm)).toEqual(['id: 1', 'id: 2', 'id: 3']);
    expect(text).toContain('"reason":"card_declined"');
    expect(text).toMatch(/event: end\n/);
  });

  it('resumes after Last-Event-ID: nothing the browser already has is sent again', async () => {
    const text = await read(
      orderEventStream({ getOrder: source(), after: 2, signal: new AbortController().signal, intervalMs: 1 }),
    );
    expect(text.match(/^id: \d+$/gm)).toEqual(['id: 3']);
  });

  it('stops with a problem event when the order is not the caller’s', async () => {
    const text = await read(
      orderEventStream({
        getOrder: () =>
          Promise.resolve({
            ok: false as const,
            problem: { status: 404, code: 'Orders.NotFound', detail: 'no', errors: [] },
          }),
        after: 0,
        signal: new AbortController().signal,
        intervalMs: 1,
      }),
    );
    expect(text).toContain('event: problem');
    expect(text).not.toContain('event: transition');
  });
});
