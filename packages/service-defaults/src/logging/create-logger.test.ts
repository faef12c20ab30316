import { context, trace } from '@opentelemetry/api';
import { StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  };
  return { lines, logger: createLogger({ service: 'catalog', level: 'info', destination }) };
}

describe('createLogger', () => {
  const contextManager = new StackContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
  });
  afterAll(() => {
    context.disable();
  });

  it('writes JSON lines with service and level label', () => {
    const { lines, logger } = capture();
    logger.info({ productId: 'p-1' }, 'product loaded');
    expect(lines[0]).toMatchObject({
      level: 'info',
      service: 'catalog',
      productId: 'p-1',
      msg: 'product loaded',
    });
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('redacts secrets and personal data at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: 'hunter2',
        user: { email: 'ada@example.com', name: 'Ada' },
        req: { headers: { authorization: 'Bearer abc', 'dapr-api-token': 'tok' } },
        payment: { card: { number: '4242' } },
      },
      'login',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['hunter2', 'ada@example.com', 'Bearer abc', '"tok"', '4242']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ password: '[REDACTED]', user: { email: '[REDACTED]', name: 'Ada' } });
  });

  it('adds trace_id and span_id of the active span', () => {
    const { lines, logger } = capture();
    const span = new TracerProvider().getTracer('test').startSpan('GET /products/:id');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside span'));
    span.end();
    expect(lines[0]).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
    expect(lines[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });
});
