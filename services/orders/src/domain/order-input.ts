import { z } from 'zod';
import { idempotencyKeySchema, parseInput } from '@shopstream/service-defaults';
import { ORDER_STATES, type OrderState } from './order.js';

/**
 * Input rules of the OrdersService calls. Field names are the proto's (snake_case), so a field error names
 * the field the caller sent. The idempotency-key rule is the shared one (service-defaults contracts).
 */
const uuid = (what: string) => z.guid(`must be ${what} (UUID)`);

/** A Stripe PaymentMethod id. Card numbers never pass: they are digits, not `pm_…`. */
export const paymentMethodSchema = z
  .string()
  .regex(/^pm_[A-Za-z0-9_]{1,100}$/, 'must be a Stripe PaymentMethod id (pm_...), e.g. pm_card_visa');

const createOrderSchema = z.object({
  idempotency_key: idempotencyKeySchema,
  payment_method_id: paymentMethodSchema,
  expected_cart_revision: z.number().int().min(0, 'must not be negative'),
});

export interface CreateOrderInput {
  readonly idempotencyKey: string;
  readonly paymentMethodId: string;
  /** 0: no check. */
  readonly expectedCartRevision: number;
}

export function parseCreateOrder(input: unknown): CreateOrderInput {
  const parsed = parseInput(createOrderSchema, input, 'Orders.InvalidRequest');
  return {
    idempotencyKey: parsed.idempotency_key,
    paymentMethodId: parsed.payment_method_id,
    expectedCartRevision: parsed.expected_cart_revision,
  };
}

export function parseOrderId(input: unknown): string {
  return parseInput(
    z.object({ order_id: uuid('an order id') }),
    input,
    'Orders.InvalidRequest',
  ).order_id.toLowerCase();
}

const orderCommandSchema = z.object({ idempotency_key: idempotencyKeySchema, order_id: uuid('an order id') });

export interface OrderCommand {
  readonly idempotencyKey: string;
  readonly orderId: string;
}

export function parseOrderCommand(input: unknown): OrderCommand {
  const parsed = parseInput(orderCommandSchema, input, 'Orders.InvalidRequest');
  return { idempotencyKey: parsed.idempotency_key, orderId: parsed.order_id.toLowerCase() };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const listSchema = z
  .object({
    all_users: z.boolean(),
    user_id: z.union([z.literal(''), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a user id')]),
    states: z.array(z.enum(ORDER_STATES, 'must be an order state')).max(ORDER_STATES.length),
    created_after: z.number().int().nonnegative().optional(),
    created_before: z.number().int().nonnegative().optional(),
    page_size: z.number().int().min(0, 'must not be negative'),
    page_token: z.union([
      z.literal(''),
      z.string().regex(/^[A-Za-z0-9_-]{1,300}$/, 'is not a page token this service issued'),
    ]),
  })
  .refine(
    (l) =>
      l.created_after === undefined || l.created_before === undefined || l.created_after < l.created_before,
    { path: ['created_before'], message: 'must be later than created_after' },
  );

export interface ListOrdersInput {
  /** Every user's orders (admins); false: the caller's own. */
  readonly allUsers: boolean;
  readonly userId: string | undefined;
  readonly states: readonly OrderState[];
  readonly createdAfter: number | undefined;
  readonly createdBefore: number | undefined;
  readonly pageSize: number;
  readonly pageToken: string | undefined;
}

export function parseListOrders(input: unknown): ListOrdersInput {
  const parsed = parseInput(listSchema, input, 'Orders.InvalidRequest');
  const userId = parsed.user_id === '' ? undefined : parsed.user_id;
  return {
    allUsers: parsed.all_users || userId !== undefined,
    userId,
    states: [...new Set(parsed.states)].sort(),
    createdAfter: parsed.created_after,
    createdBefore: parsed.created_before,
    pageSize: Math.min(parsed.page_size === 0 ? DEFAULT_PAGE_SIZE : parsed.page_size, MAX_PAGE_SIZE),
    pageToken: parsed.page_token === '' ? undefined : parsed.page_token,
  };
}
