import type { DaprClient } from '@dapr/dapr';
import { describe, expect, it, vi } from 'vitest';
import { buildCloudEvent } from '../events/cloud-event.js';
import { daprOutboxPublisher } from './dapr-outbox-publisher.js';

const event = buildCloudEvent({
  type: 't',
  source: 's',
  tenantId: 'tenant-a',
  data: { x: 1 },
  id: 'fixed-id',
});

function fakeDapr(result: { error?: Error }) {
  const publish = vi.fn(() => Promise.resolve(result));
  return { dapr: { pubsub: { publish } } as unknown as DaprClient, publish };
}

describe('daprOutboxPublisher', () => {
  it('publishes the stored CloudEvent unchanged in structured mode', async () => {
    const { dapr, publish } = fakeDapr({});
    await daprOutboxPublisher(dapr, 'pubsub')('thing.events', event);
    expect(publish).toHaveBeenCalledWith('pubsub', 'thing.events', event, {
      contentType: 'application/cloudevents+json',
    });
  });

  it('keys the event by its subject (the aggregate id), so Kafka keeps one aggregate in order', async () => {
    const { dapr, publish } = fakeDapr({});
    const ofUser = { ...event, subject: 'user-42' };
    await daprOutboxPublisher(dapr, 'pubsub')('user.events', ofUser);
    expect(publish).toHaveBeenCalledWith('pubsub', 'user.events', ofUser, {
      contentType: 'application/cloudevents+json',
      metadata: { partitionKey: 'user-42' },
    });
  });

  it('throws when the sidecar did not accept it, so the row is retried', async () => {
    const { dapr } = fakeDapr({ error: new Error('sidecar down') });
    await expect(daprOutboxPublisher(dapr, 'pubsub')('thing.events', event)).rejects.toThrow(
      'publish to pubsub/thing.events failed: sidecar down',
    );
  });
});
