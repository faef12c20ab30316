import { z } from 'zod';
import { parseInput } from '@shopstream/service-defaults';

/**
 * Input rules of the PaymentsService calls. Field names are the proto's (snake_case), so a field error names
 * the field the caller sent.
 */
export const idempotencyKeySchema = z
  .string()
  .min(1, 'is required (1-128 characters)')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9._:-]*$/, 'may contain only letters, digits and . _ : -');

const uuid = (what: string) => z.guid(`must be ${what} (UUID)`);

/** The largest amount we authorize in one payment (Stripe's own limit is 99,999,999 minor units). */
export const MAX_AMOUNT_MINOR = 99_999_999;

const amountSchema = z.object(
  {
    currency_code: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in upper case, e.g. EUR'),
    amount_minor: z
      .string()
      .regex(/^[1-9]\d{0,7}$/, `must be a whole number of minor units from 1 to ${MAX_AMOUNT_MINOR}`)
      .transform(Number),
  },
  { error: 'is required' },
);

/** A Stripe PaymentMethod id. Card numbers never pass: they are digits, not `pm_…`. */
const paymentMethodSchema = z
  .string()
  .regex(/^pm_[A-Za-z0-9_]{1,100}$/, 'must be a Stripe PaymentMethod id (pm_...)');

const createIntentSchema = z.object({
  idempotency_key: idempotencyKeySchema,
  order_id: uuid('an order id'),
  amount: amountSchema,
  payment_method_id: paymentMethodSchema,
});

const paymentCommandSchema = z.object({
  idempotency_key: idempotencyKeySchema,
  payment_id: uuid('a payment id'),
});

export interface CreateIntentInput {
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly paymentMethodId: string;
}

export interface PaymentCommand {
  readonly idempotencyKey: string;
  readonly paymentId: string;
}

export function parseCreateIntent(input: unknown): CreateIntentInput {
  const parsed = parseInput(createIntentSchema, input, 'Payments.InvalidRequest');
  return {
    idempotencyKey: parsed.idempotency_key,
    orderId: parsed.order_id.toLowerCase(),
    currency: parsed.amount.currency_code,
    amountMinor: parsed.amount.amount_minor,
    paymentMethodId: parsed.payment_method_id,
  };
}

export function parsePaymentCommand(input: unknown): PaymentCommand {
  const parsed = parseInput(paymentCommandSchema, input, 'Payments.InvalidRequest');
  return { idempotencyKey: parsed.idempotency_key, paymentId: parsed.payment_id.toLowerCase() };
}

export function parsePaymentId(input: unknown): string {
  return parseInput(
    z.object({ payment_id: uuid('a payment id') }),
    input,
    'Payments.InvalidRequest',
  ).payment_id.toLowerCase();
}

const listSchema = z.object({
  order_id: z.union([z.literal(''), uuid('an order id')]),
  page_size: z.number().int().min(0, 'must not be negative'),
  page_token: z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a page token')]),
});

export interface ListPaymentsInput {
  readonly orderId: string | undefined;
  readonly pageSize: number;
  readonly pageToken: string | undefined;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function parseListPayments(input: unknown): ListPaymentsInput {
  const parsed = parseInput(listSchema, input, 'Payments.InvalidRequest');
  const size = parsed.page_size === 0 ? DEFAULT_PAGE_SIZE : Math.min(parsed.page_size, MAX_PAGE_SIZE);
  return {
    orderId: parsed.order_id === '' ? undefined : parsed.order_id.toLowerCase(),
    pageSize: size,
    pageToken: parsed.page_token === '' ? undefined : parsed.page_token,
  };
}
