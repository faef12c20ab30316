import type { Message } from 'kafkajs';
import type { CloudEvent } from '../events/cloud-event.js';

/**
 * A CloudEvent as a Kafka record that Dapr subscribers accept exactly like one a sidecar published: the
 * structured CloudEvent JSON as the value, its subject (the aggregate id) as the key. For high-volume
 * producers that write to Kafka directly with kafkajs (full profile; adr/0012).
 */
export function cloudEventMessage(event: CloudEvent): Message {
  return {
    key: event.subject ?? null,
    value: JSON.stringify(event),
    headers: { 'content-type': 'application/cloudevents+json' },
  };
}
