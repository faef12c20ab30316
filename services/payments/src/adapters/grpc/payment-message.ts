import { protoTimestamp } from '@shopstream/service-defaults';
import {
  PaymentStatus as PaymentStatusMessage,
  type Payment as PaymentMessage,
} from '@shopstream/proto/payments/v1/payment.js';
import type { Payment, PaymentStatus } from '../../domain/payment.js';

const STATUS: Record<PaymentStatus, PaymentStatusMessage> = {
  requires_action: PaymentStatusMessage.PAYMENT_STATUS_REQUIRES_ACTION,
  authorized: PaymentStatusMessage.PAYMENT_STATUS_AUTHORIZED,
  captured: PaymentStatusMessage.PAYMENT_STATUS_CAPTURED,
  failed: PaymentStatusMessage.PAYMENT_STATUS_FAILED,
  canceled: PaymentStatusMessage.PAYMENT_STATUS_CANCELED,
  refunded: PaymentStatusMessage.PAYMENT_STATUS_REFUNDED,
};

export function paymentMessage(p: Payment): PaymentMessage {
  return {
    paymentId: p.id,
    orderId: p.orderId,
    status: STATUS[p.status],
    amount: { currencyCode: p.currency, amountMinor: String(p.amountMinor) },
    refunded: { currencyCode: p.currency, amountMinor: String(p.refundedMinor) },
    stripePaymentIntentId: p.stripeIntentId,
    failureCode: p.failureCode ?? '',
    createdAt: protoTimestamp(p.createdAt),
    updatedAt: protoTimestamp(p.updatedAt),
    version: String(p.version),
  };
}
