import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloudEvent, cloudEventSchema } from './cloud-event.js';

describe('buildCloudEvent', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new StackContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(() => {
    context.disable();
    propagation.disable();
  });

  const event = {
    type: 'shopstream.events.v1.PlatformPinged',
    source: 'caller',
    tenantId: 't-1',
    data: { a: 1 },
  };

  it('builds a valid CloudEvent 1.0 with tenant, id and time', () => {
    const ce = buildCloudEvent(event);
    expect(cloudEventSchema.parse(ce)).toEqual(ce);
    expect(ce).toMatchObject({
      specversion: '1.0',
      tenantid: 't-1',
      datacontenttype: 'application/json',
      data: { a: 1 },
    });
    expect(ce.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ce.traceparent).toBeUndefined(); // no active span
  });

  it('carries the traceparent of the active span', () => {
    const tracer = new TracerProvider().getTracer('test');
    const span = tracer.startSpan('publish');
    const ce = context.with(trace.setSpan(context.active(), span), () => buildCloudEvent(event));
    span.end();
    const { traceId, spanId } = span.spanContext();
    expect(ce.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('keeps a caller-chosen id, so a retried publish is the same event', () => {
    expect(buildCloudEvent({ ...event, id: 'evt-1' }).id).toBe('evt-1');
  });

  it('rejects an event without tenant', () => {
    const { tenantid: _, ...withoutTenant } = buildCloudEvent(event);
    expect(cloudEventSchema.safeParse(withoutTenant).success).toBe(false);
  });
});
