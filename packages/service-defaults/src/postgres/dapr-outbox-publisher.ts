import type { DaprClient } from '@dapr/dapr';
import { publishOptions } from '../events/partition-key.js';
import type { OutboxPublish } from './outbox-relay.js';

/**
 * The relay's `publish` in production: sends the stored CloudEvent as-is (structured mode, so Dapr keeps its
 * id, tenantid and traceparent; partition key = its subject, the aggregate id) through the sidecar to
 * `pubsubName`/topic, and throws when it was not accepted so the row is retried.
 */
export function daprOutboxPublisher(dapr: DaprClient, pubsubName: string): OutboxPublish {
  return async (topic, cloudEvent) => {
    const result = await dapr.pubsub.publish(pubsubName, topic, cloudEvent, publishOptions(cloudEvent));
    if (result.error) throw new Error(`publish to ${pubsubName}/${topic} failed: ${result.error.message}`);
  };
}
