import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackControl } from '../../tools/stack/control.js';
import { failure, idempotencyKey } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { cartApi, type CartApi } from '@shopstream/testing/orders';
import { eventually } from '@shopstream/testing/stack';
import { cartShop, skuOf } from './cart-fixtures.js';

const CATALOG = ['catalog', 'catalog-dapr'];

/** With the catalog down a cart still shows (last known prices, flagged), and changes fail without a write. */
describe('the cart while the catalog is down', () => {
  let identity: Pool;
  let api: CartApi;

  beforeAll(() => {
    identity = identityDatabasePool('cart-catalog-down-test');
    api = cartApi();
  });

  afterAll(async () => {
    await stackControl.start(CATALOG); // whatever happened, later tests get their catalog back
    api.close();
    await identity.end();
  });

  it('shows the last known prices as stale, refuses changes as unavailable, and recovers', async () => {
    const shop = await cartShop(identity, 'cart-down');
    const user = await signedInUser(identity, shop.tenantId);
    const as = { token: user.accessToken };
    const line = { productId: shop.product.productId, skuId: skuOf(shop), region: 'eu' };
    await api.addItem({ idempotencyKey: idempotencyKey(), ...line, quantity: 2 }, as);

    await stackControl.stop(CATALOG);
    const stale = (await api.getCart({}, as)).cart;
    expect(stale).toMatchObject({ pricingStale: true, itemCount: 2 });
    expect(stale?.totals).toEqual([{ currencyCode: 'EUR', amountMinor: '5000' }]);
    const key = idempotencyKey();
    const refused = await failure(api.addItem({ idempotencyKey: key, ...line, quantity: 1 }, as));
    expect(refused.code).toBe(status.UNAVAILABLE);
    // The calling sidecar retries UNAVAILABLE (dapr/resiliency.yaml) and joins every attempt's trailer.
    expect(refused.reason).toMatch(/^Cart\.CatalogUnavailable(, Cart\.CatalogUnavailable)*$/);

    await stackControl.start(CATALOG);
    // The refused call left no record: the same key now applies (not a replay), once.
    const retried = await eventually(
      () => api.addItem({ idempotencyKey: key, ...line, quantity: 1 }, as),
      () => true,
      30_000,
      'AddItem once the catalog is back',
    );
    expect(retried.replayed).toBe(false);
    expect(retried.cart).toMatchObject({ pricingStale: false, itemCount: 3 });
  });
});
