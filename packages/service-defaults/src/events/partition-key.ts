/**
 * Publish options of an event: structured CloudEvent mode, and the aggregate it is about (the CloudEvent
 * `subject`: product id, order id …) as the `partitionKey` metadata. A partitioned broker (Kafka, full
 * profile) then keeps one aggregate's events in order on one partition; Redis Streams ignores the key.
 */
export function publishOptions(event: { subject?: string }): {
  contentType: string;
  metadata?: Record<string, string>;
} {
  return {
    contentType: 'application/cloudevents+json',
    ...(event.subject === undefined ? {} : { metadata: { partitionKey: event.subject } }),
  };
}
