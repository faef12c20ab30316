import type { CloudEvent, EventSubscription } from '@shopstream/service-defaults';
import { PaymentEvent } from '@shopstream/proto/events/v1/payment_events.js';
import { forwardPaymentChange } from '../../app/forward-payment-change.js';
import type { CheckoutSignals } from '../../app/ports.js';

export const PAYMENT_EVENTS_TOPIC = 'payment.events';
const PAYMENT_EVENT_TYPE = 'shopstream.events.v1.PaymentEvent';
const UUID = /^[0-9a-f-]{36}$/;

/** One `PaymentEvent` as the saga's signal; DROP (dead-letter topic) for anything that is not a valid one. */
export async function onPaymentEvent(
  signals: CheckoutSignals,
  event: CloudEvent,
): Promise<'SUCCESS' | 'DROP'> {
  if (event.type !== PAYMENT_EVENT_TYPE) return 'DROP';
  const data = PaymentEvent.fromJSON(event.data);
  const version = Number(data.version);
  if (data.tenantId !== event.tenantid || !UUID.test(data.orderId) || !Number.isSafeInteger(version))
    return 'DROP';
  await forwardPaymentChange(signals, {
    orderId: data.orderId,
    paymentId: data.paymentId,
    status: data.status,
    version,
    failureCode: data.failureCode,
  });
  return 'SUCCESS';
}

/**
 * The orders app's subscription to `payment.events`: how a verified Stripe webhook (or the reconciler)
 * reaches the checkout saga (adr/0049). For `grpcEventSubscriptions`.
 */
export function paymentEventsSubscription(signals: CheckoutSignals): EventSubscription {
  return {
    pubsubName: 'pubsub',
    topic: PAYMENT_EVENTS_TOPIC,
    deadLetterTopic: 'payment.events.dead',
    handler: (event) => onPaymentEvent(signals, event),
  };
}
