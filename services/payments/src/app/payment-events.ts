import { randomUUID } from 'node:crypto';
import { protoTimestamp, type NewEvent } from '@shopstream/service-defaults';
import { PaymentEvent } from '@shopstream/proto/events/v1/payment_events.js';
import type { ChangeCause, Payment } from '../domain/payment.js';

export const PAYMENT_EVENTS_TOPIC = 'payment.events';
export const PAYMENT_EVENT_TYPE = 'shopstream.events.v1.PaymentEvent';

/** The `PaymentEvent` CloudEvent of a committed change (data = its proto JSON; subject = payment id). */
export function paymentEvent(payment: Payment, cause: ChangeCause, source: string): NewEvent<unknown> {
  const id = randomUUID();
  const message: PaymentEvent = {
    eventId: id,
    tenantId: payment.tenantId,
    paymentId: payment.id,
    orderId: payment.orderId,
    status: payment.status,
    amount: { currencyCode: payment.currency, amountMinor: String(payment.amountMinor) },
    version: String(payment.version),
    failureCode: payment.failureCode ?? '',
    cause,
    ts: protoTimestamp(payment.updatedAt),
  };
  return {
    id,
    type: PAYMENT_EVENT_TYPE,
    source,
    tenantId: payment.tenantId,
    subject: payment.id,
    data: PaymentEvent.toJSON(message),
  };
}
