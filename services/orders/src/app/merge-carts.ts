import { CartCommandSchemas, type MergeResult } from '@shopstream/actor-cart';
import { parseInput } from '@shopstream/service-defaults';
import { cartTokenRequired } from '../domain/orders-errors.js';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import type { CartDeps } from './ports.js';
import { anonymousCart, userCart, type Shopper } from './shopper.js';

/**
 * At sign-in: moves the anonymous cart into the user's. Three actor calls — read the anonymous cart, merge
 * its lines into the user's cart (re-priced there), empty the anonymous cart — each safe to repeat with the
 * same key (the carts remember applied keys), so a retry after a failure half-way finishes the job.
 */
export async function mergeCarts(
  deps: CartDeps,
  shopper: Extract<Shopper, { kind: 'user' }>,
  request: { readonly idempotencyKey: string; readonly anonymousCartToken: string },
): Promise<IdempotentResult<MergeResult>> {
  const { idempotencyKey } = parseInput(
    CartCommandSchemas.clear,
    { idempotencyKey: request.idempotencyKey },
    'Cart.InvalidMergeCarts',
  );
  if (request.anonymousCartToken === '') throw cartTokenRequired('anonymousCartToken');
  const from = anonymousCart(
    deps.cartTokens,
    shopper.tenantId,
    request.anonymousCartToken,
    'anonymousCartToken',
  );
  const into = userCart(shopper);
  const fingerprint = fingerprintOf('MergeCarts', [from.scope]);
  return idempotently(deps, { scope: into.scope, key: idempotencyKey, fingerprint }, async () => {
    const anonymous = await deps.carts(from.owner).get({ caller: from.caller });
    const lines = anonymous.lines.map(({ productId, skuId, region, quantity }) => ({
      productId,
      skuId,
      region,
      quantity,
    }));
    const merged = await deps.carts(into.owner).merge({ caller: into.caller, idempotencyKey, lines });
    await deps.carts(from.owner).clear({ caller: from.caller, idempotencyKey });
    return merged;
  });
}
