import type { DaprClient } from '@dapr/dapr';
import { buildCloudEvent, type CloudEvent, type NewEvent } from './cloud-event.js';
import { publishOptions } from './partition-key.js';

/**
 * Publishes one event through the sidecar to `pubsubName`/`topic` as a structured CloudEvent (Dapr keeps our
 * id, tenantid and traceparent instead of wrapping the payload in an envelope of its own), keyed by its
 * subject (the aggregate id). Throws when the sidecar did not accept it, so a caller never believes an
 * unpublished event was sent.
 */
export async function publishEvent<T>(
  dapr: DaprClient,
  pubsubName: string,
  topic: string,
  event: NewEvent<T>,
): Promise<CloudEvent<T>> {
  const cloudEvent = buildCloudEvent(event);
  const result = await dapr.pubsub.publish(pubsubName, topic, cloudEvent, publishOptions(cloudEvent));
  if (result.error) throw new Error(`publish to ${pubsubName}/${topic} failed: ${result.error.message}`);
  return cloudEvent;
}
