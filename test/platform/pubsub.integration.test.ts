import { describe, expect, it } from 'vitest';
import type { ReceivedEvent } from '@shopstream/skeleton-worker';
import { eventually, invoke, newTraceparent } from '@shopstream/testing/stack';

describe('pub/sub publish → subscriber', () => {
  it('delivers the CloudEvent with its id, tenant id and W3C traceparent intact', async () => {
    const { traceparent, traceId } = newTraceparent();
    const sent = await invoke<{ eventId: string; traceId: string }>(
      'skeleton-caller',
      'skeleton-caller',
      'ping',
      { tenantId: 'tenant-b', message: 'event please' },
      { traceparent },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.traceId).toBe(traceId);
    const received = await eventually(
      () => invoke<ReceivedEvent>('skeleton-caller', 'skeleton-worker', `received/${sent.body.eventId}`),
      (r) => r.status === 200,
      15_000,
      'the worker to record the event',
    );
    expect(received.body.id).toBe(sent.body.eventId);
    expect(received.body.tenantId).toBe('tenant-b');
    expect(received.body.type).toBe('shopstream.events.v1.PlatformPinged');
    expect(received.body.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(received.body.data).toMatchObject({ tenantId: 'tenant-b', message: 'event please' });
  });

  it('answers 404 problem+json for an event it never received', async () => {
    const res = await invoke<{ code: string; status: number }>(
      'skeleton-caller',
      'skeleton-worker',
      'received/nope',
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'Platform.EventNotReceived', status: 404 });
  });
});
