import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { z } from 'zod';

/**
 * Every Shopstream event travels as a CloudEvent 1.0 with JSON data (proto JSON of a message from
 * proto/shopstream/events/v1). Extension attributes carry what every consumer needs: `tenantid`, and the W3C
 * `traceparent` of the producing span so one trace spans producer, broker and consumers.
 */
export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  time: z.string().optional(),
  subject: z.string().optional(),
  datacontenttype: z.string().optional(),
  tenantid: z.string().min(1, 'every event carries its tenant'),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type CloudEvent<T = unknown> = Omit<z.infer<typeof cloudEventSchema>, 'data'> & { data: T };

export interface NewEvent<T> {
  /** Reverse-DNS style event type, e.g. `shopstream.platform.v1.PlatformPinged`. */
  type: string;
  /** The producing service (SERVICE_NAME). */
  source: string;
  tenantId: string;
  /** The aggregate the event is about (product id, order id …). */
  subject?: string;
  data: T;
  /** Defaults to a random UUID; pass one to make a retried publish produce the same event. */
  id?: string;
}

/** Builds the CloudEvent, taking `traceparent` from the active OpenTelemetry context. */
export function buildCloudEvent<T>(event: NewEvent<T>): CloudEvent<T> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: event.source,
    type: event.type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    tenantid: event.tenantId,
    ...(event.subject === undefined ? {} : { subject: event.subject }),
    ...(carrier.traceparent === undefined ? {} : { traceparent: carrier.traceparent }),
    data: event.data,
  };
}
