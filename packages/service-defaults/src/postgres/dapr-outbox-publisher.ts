import type { DaprClient } from '@dapr/dapr';
import type { OutboxPublish } from './outbox-relay.js';

/**
 * The relay's `publish` in production: sends the stored CloudEvent as-is (structured mode, so Dapr keeps its
 * id, tenantid and traceparent) through the sidecar to `pubsubName`/topic, and throws when it was not
 * accepted so the row is retried.
 */
export function daprOutboxPublisher(dapr: DaprClient, pubsubName: string): OutboxPublish {
  return async (topic, cloudEvent) => {
    const result = await dapr.pubsub.publish(pubsubName, topic, cloudEvent, {
      contentType: 'application/cloudevents+json',
    });
    if (result.error) throw new Error(`publish to ${pubsubName}/${topic} failed: ${result.error.message}`);
  };
}
