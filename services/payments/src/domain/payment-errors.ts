import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { PaymentStatus } from './payment.js';

export const paymentNotFound = () =>
  new DomainError(ErrorKind.NotFound, 'Payments.NotFound', 'No such payment.');

export const idempotencyKeyReused = () =>
  new DomainError(
    ErrorKind.Conflict,
    'Payments.IdempotencyKeyReused',
    'This idempotency key was used for another request.',
    { fields: [{ field: 'idempotency_key', detail: 'was used for another request' }] },
  );

export const invalidTransition = (from: PaymentStatus, action: string) =>
  new DomainError(
    ErrorKind.Conflict,
    'Payments.InvalidTransition',
    `A payment that is ${from.replace('_', ' ')} cannot be ${action}.`,
  );

export const unknownPaymentMethod = () =>
  new DomainError(ErrorKind.Validation, 'Payments.UnknownPaymentMethod', 'The payment method is unknown.', {
    fields: [{ field: 'payment_method_id', detail: 'is not a payment method the provider knows' }],
  });

export const providerUnavailable = (cause: unknown) =>
  new DomainError(
    ErrorKind.Unavailable,
    'Payments.ProviderUnavailable',
    'The payment provider did not answer; retry with the same idempotency key.',
    { cause },
  );

/** The provider answered something we cannot use (an unexpected error or amount): never retried blindly. */
export const providerRejected = (cause: unknown) =>
  new DomainError(ErrorKind.Internal, 'Payments.ProviderRejected', 'The payment provider refused the call.', {
    cause,
  });

export const webhookSignatureInvalid = () =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Payments.WebhookSignatureInvalid',
    'The Stripe-Signature header does not sign this body with our webhook secret.',
    { fields: [{ field: 'Stripe-Signature', detail: 'does not match the body' }] },
  );

export const webhookStale = (toleranceSeconds: number) =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Payments.WebhookStale',
    `The webhook's signature timestamp is more than ${toleranceSeconds} s away from now.`,
    { fields: [{ field: 'Stripe-Signature', detail: 'timestamp outside the tolerance' }] },
  );

export const webhookTooLarge = (maxBytes: number) =>
  new DomainError(
    ErrorKind.TooLarge,
    'Payments.WebhookTooLarge',
    `A webhook body is at most ${maxBytes} bytes.`,
  );

export const webhookMalformed = (detail: string) =>
  new DomainError(ErrorKind.Validation, 'Payments.WebhookMalformed', 'The webhook event is malformed.', {
    fields: [{ field: 'body', detail }],
  });
