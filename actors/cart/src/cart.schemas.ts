import { z } from 'zod';
import { TENANT_ID_PATTERN } from '@shopstream/service-defaults/auth';
import { DomainError, idempotencyKeySchema } from '@shopstream/service-defaults';
import type { CartOwner } from './cart.contract.js';
import { CartLimits } from './cart.state.js';

/** User ids are opaque tokens (uuid, base64url): letters, digits, `_` and `-`, 1 to 128 characters. */
export const CART_USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** Anonymous cart ids: 128 random bits in base64url (22 characters). */
export const ANONYMOUS_CART_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

const inner = (pattern: RegExp) => pattern.source.slice(1, -1);
const ACTOR_ID = new RegExp(
  `^cart:(${inner(TENANT_ID_PATTERN)}):(?:anon:(${inner(ANONYMOUS_CART_ID_PATTERN)})|(${inner(CART_USER_ID_PATTERN)}))$`,
);

/** Splits a CartActor id into its owner; fails (`Cart.InvalidActorId`) on anything else. */
export function parseCartActorId(actorId: string): CartOwner {
  const match = ACTOR_ID.exec(actorId);
  const [, tenantId, cartId, userId] = match ?? [];
  if (tenantId !== undefined && cartId !== undefined) return { kind: 'anonymous', tenantId, cartId };
  if (tenantId !== undefined && userId !== undefined && userId !== 'anon') {
    return { kind: 'user', tenantId, userId };
  }
  throw DomainError.fromZod(
    'Cart.InvalidActorId',
    new z.ZodError([
      {
        code: 'custom',
        path: ['actorId'],
        message: 'must be cart:<tenant>:<userId> or cart:<tenant>:anon:<cartId>',
        input: actorId,
      },
    ]),
  );
}

const caller = z.union([
  z.strictObject({ accessToken: z.string().min(1).max(8192) }),
  z.strictObject({ cartToken: z.string().min(1).max(256) }),
]);
const idempotencyKey = idempotencyKeySchema;
const id = (what: string) => z.guid(`must be a ${what} id (UUID)`);
/** The catalog decides which regions exist: an unknown one is "not sold in this region". */
const region = z.string().min(1, 'is required').max(16, 'must be at most 16 characters');
const quantity = z
  .number({ error: 'must be a whole number from 1 to 99' })
  .int('must be a whole number from 1 to 99')
  .min(CartLimits.minQuantity, 'must be a whole number from 1 to 99')
  .max(CartLimits.maxQuantity, 'must be a whole number from 1 to 99');

/**
 * The commands as the shopper sends them (without the caller's credential): the orders API checks them
 * before it claims an idempotency key, the actor checks them again with the credential.
 */
export const CartCommandSchemas = {
  addItem: z.strictObject({ idempotencyKey, productId: id('product'), skuId: id('SKU'), region, quantity }),
  setQuantity: z.strictObject({ idempotencyKey, skuId: id('SKU'), region, quantity }),
  removeItem: z.strictObject({ idempotencyKey, skuId: id('SKU'), region }),
  clear: z.strictObject({ idempotencyKey }),
  merge: z.strictObject({
    idempotencyKey,
    lines: z
      .array(z.strictObject({ productId: id('product'), skuId: id('SKU'), region, quantity }))
      .max(CartLimits.maxLines),
  }),
} as const;

export const getInput = z.strictObject({ caller });
export const snapshotInput = z.strictObject({ caller, orderId: id('order') });
export const removeOrderedInput = z.strictObject({
  orderId: id('order'),
  idempotencyKey,
  lines: z
    .array(z.strictObject({ skuId: id('SKU'), region, quantity }))
    .min(1)
    .max(CartLimits.maxLines),
});
export const clearInput = CartCommandSchemas.clear.extend({ caller });
export const addItemInput = CartCommandSchemas.addItem.extend({ caller });
export const setQuantityInput = CartCommandSchemas.setQuantity.extend({ caller });
export const removeItemInput = CartCommandSchemas.removeItem.extend({ caller });
export const mergeInput = CartCommandSchemas.merge.extend({ caller });

/** Validates an actor method's input; a bad one fails the call (`Cart.Invalid<Method>`) and changes nothing. */
export function parseCartInput<T>(schema: z.ZodType<T>, input: unknown, method: string): T {
  const result = schema.safeParse(input === '' ? undefined : input);
  if (!result.success) throw DomainError.fromZod(`Cart.Invalid${method}`, result.error);
  return result.data;
}
