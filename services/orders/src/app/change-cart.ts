import type { CartView } from '@shopstream/actor-cart';
import { parseInput } from '@shopstream/service-defaults';
import type { z } from 'zod';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import type { CartDeps } from './ports.js';
import { existingCartOf, type CartRef, type Shopper } from './shopper.js';

/**
 * The shape of SetQuantity, RemoveItem and ClearCart: check the command (before any key is claimed), find the
 * caller's existing cart, and run the actor method once per idempotency key.
 */
export async function changeCart<S extends z.ZodType<{ idempotencyKey: string }>>(
  deps: CartDeps,
  shopper: Shopper,
  change: {
    readonly operation: string;
    readonly schema: S;
    readonly fields: unknown;
    readonly cartToken: string;
    readonly fingerprintFields: (command: z.output<S>) => readonly unknown[];
    readonly apply: (ref: CartRef, command: z.output<S>) => Promise<CartView>;
  },
): Promise<IdempotentResult<CartView>> {
  const command = parseInput(change.schema, change.fields, `Cart.Invalid${change.operation}`);
  const ref = existingCartOf(deps.cartTokens, shopper, change.cartToken);
  const fingerprint = fingerprintOf(change.operation, change.fingerprintFields(command));
  return idempotently(deps, { scope: ref.scope, key: command.idempotencyKey, fingerprint }, () =>
    change.apply(ref, command),
  );
}
