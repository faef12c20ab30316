// The payments service's public surface for other packages (tests, and later the orders saga's activities).
export { PAYMENT_EVENTS_TOPIC, PAYMENT_EVENT_TYPE } from './app/payment-events.js';
export { PAYMENTS_ADMIN_ROLE, PAYMENTS_CHARGE_ROLE } from './domain/payment-roles.js';
export { paymentIdFor } from './domain/payment-id.js';
export { MAX_WEBHOOK_BYTES, WEBHOOK_PATH } from './adapters/http/webhook-server.js';
export type { PaymentSignals, PaymentChange } from './app/ports.js';
export type { Payment, PaymentStatus } from './domain/payment.js';
