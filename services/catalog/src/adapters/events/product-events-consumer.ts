import type { CloudEvent, DeliveryOutcome, EventSubscription } from '@shopstream/service-defaults';
import { ProductChanged, ProductChangeKind } from '@shopstream/proto/events/v1/product_events.js';
import { PRODUCT_CHANGED_TYPE, PRODUCT_EVENTS_TOPIC } from '../../app/product-events.js';
import type { ChangeOutcome, ReadCache } from '../../app/ports.js';

export const PRODUCT_EVENTS_DEAD_LETTER_TOPIC = 'product.events.dead';

/**
 * Applies one `ProductChanged` event to the read cache (adr/0017): at most once per event id (the cache's
 * inbox), and only if its sequence is above the product's floor — a redelivered, duplicated or out-of-order
 * event changes nothing. Returns what happened, or DROP for an event that is not a valid ProductChanged.
 */
export async function applyProductChanged(
  cache: ReadCache,
  event: CloudEvent,
): Promise<ChangeOutcome | Extract<DeliveryOutcome, 'DROP'>> {
  if (event.type !== PRODUCT_CHANGED_TYPE) return 'DROP';
  const data = ProductChanged.fromJSON(event.data);
  const sequence = Number(data.sequence);
  if (
    data.tenantId !== event.tenantid ||
    data.productId === '' ||
    !Number.isSafeInteger(sequence) ||
    sequence < 1
  )
    return 'DROP';
  return cache.applyEvent(event.id, {
    tenantId: data.tenantId,
    productId: data.productId,
    sequence,
    listsChanged: data.change !== ProductChangeKind.PRODUCT_CHANGE_KIND_STOCK,
  });
}

/** The catalog's own subscription to `product.events` (its read cache), for `grpcEventSubscriptions`. */
export function productEventsSubscription(cache: ReadCache): EventSubscription {
  return {
    pubsubName: 'pubsub',
    topic: PRODUCT_EVENTS_TOPIC,
    deadLetterTopic: PRODUCT_EVENTS_DEAD_LETTER_TOPIC,
    handler: async (event) => ((await applyProductChanged(cache, event)) === 'DROP' ? 'DROP' : 'SUCCESS'),
  };
}
