import type { DaprClient } from '@dapr/dapr';
import type { CloudEvent } from '@shopstream/service-defaults';

/** What the worker remembers of each event it consumed (read back by the regression tests). */
export interface ReceivedEvent {
  id: string;
  type: string;
  tenantId: string;
  traceparent: string | null;
  data: unknown;
  receivedAt: string;
}

const key = (eventId: string) => `skeleton-worker:received:${eventId}`;

/**
 * Idempotent consumer: the event id is the key, so a redelivered event overwrites itself. Stored in the
 * `kvstore` component with a one-hour TTL.
 */
export async function recordEvent(dapr: DaprClient, event: CloudEvent): Promise<void> {
  const value: ReceivedEvent = {
    id: event.id,
    type: event.type,
    tenantId: event.tenantid,
    traceparent: event.traceparent ?? null,
    data: event.data,
    receivedAt: new Date().toISOString(),
  };
  await dapr.state.save('kvstore', [{ key: key(event.id), value, metadata: { ttlInSeconds: '3600' } }]);
}

export async function findEvent(dapr: DaprClient, eventId: string): Promise<ReceivedEvent | null> {
  const value = (await dapr.state.get('kvstore', key(eventId))) as ReceivedEvent | '' | undefined;
  return value ? value : null;
}
