/**
 * The payment methods the checkout offers: Stripe's standard test PaymentMethods (the hosted card form
 * cannot load here, and card data never passes through us). They work against the local emulator
 * (localstripe, adr/0040) and Stripe's test mode alike, except where `note` says otherwise. 3-D Secure
 * is not offered: it needs a PaymentMethod made from a card number (4000 0025 0000 3155) by Stripe.js in
 * the browser, which this app does not load (services/payments/README.md).
 */
export const TEST_PAYMENT_METHODS = [
  { id: 'pm_card_visa', label: 'Visa that succeeds' },
  { id: 'pm_card_chargeCustomerFail', label: 'Card that is declined' },
  {
    id: 'pm_card_visa_chargeDeclinedInsufficientFunds',
    label: 'Card declined for insufficient funds',
    note: 'Stripe test mode only: the local emulator refuses it as unknown.',
  },
] as const satisfies readonly { id: string; label: string; note?: string }[];

export type TestPaymentMethodId = (typeof TEST_PAYMENT_METHODS)[number]['id'];

export const isTestPaymentMethod = (id: string): id is TestPaymentMethodId =>
  TEST_PAYMENT_METHODS.some((m) => m.id === id);
