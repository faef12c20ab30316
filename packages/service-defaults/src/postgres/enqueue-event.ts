import type { ClientBase } from 'pg';
import { buildCloudEvent, cloudEventSchema, type CloudEvent, type NewEvent } from '../events/cloud-event.js';

export interface OutboxEntry<T> {
  /** Pub/sub topic, e.g. `product.events`. */
  readonly topic: string;
  /** A new event (built here with `buildCloudEvent`: id, time and the active span's traceparent) or a built one. */
  readonly event: NewEvent<T> | CloudEvent<T>;
}

const INSERT = `INSERT INTO outbox (id, tenant_id, topic, type, subject, payload, traceparent)
SELECT $1, $2, $3, $4, $5, $6, $7
WHERE coalesce(nullif(current_setting('app.tenant_id', true), ''), $2) = $2`;

const isBuilt = <T>(event: NewEvent<T> | CloudEvent<T>): event is CloudEvent<T> => 'specversion' in event;

/**
 * Writes the event to the outbox on `client`, inside the caller's transaction, so it is published if and only
 * if the transaction commits ("producers never save then publish"). The relay publishes it later with the same
 * id. Returns the CloudEvent as it will be published. Refuses an event for another tenant than the
 * transaction's (`withTenant`).
 */
export async function enqueueEvent<T>(client: ClientBase, entry: OutboxEntry<T>): Promise<CloudEvent<T>> {
  const event = isBuilt(entry.event)
    ? (cloudEventSchema.parse(entry.event) as CloudEvent<T>)
    : buildCloudEvent(entry.event);
  if (entry.topic.trim() === '') throw new Error('enqueueEvent: the topic is empty');
  const result = await client.query(INSERT, [
    event.id,
    event.tenantid,
    entry.topic,
    event.type,
    event.subject ?? null,
    JSON.stringify(event),
    event.traceparent ?? null,
  ]);
  if (result.rowCount !== 1) {
    throw new Error('enqueueEvent: the event belongs to another tenant than the current transaction');
  }
  return event;
}
