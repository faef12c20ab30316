import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CART_ACTOR_TYPE, cartActorId } from '@shopstream/actor-cart';
import { createIdentityStore } from '@shopstream/identity';
import { stackControl } from '../../tools/stack/control.js';
import { idempotencyKey } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser, type SignedInUser } from '@shopstream/testing/identity';
import { cartApi, type CartApi } from '@shopstream/testing/orders';
import { eventually, ports, sidecar } from '@shopstream/testing/stack';
import { cartShop, skuOf, type CartShop } from './cart-fixtures.js';

/** The test stack gives this shop a cart expiry of seconds (CART_EXPIRY_BY_TENANT, tools/ci/test.ts). */
const EXPIRY_TENANT = 'cart-expiry-test';
const HOST = 'orders-cart';

/** Calls CartActor straight through a sidecar's actor API, skipping the orders app and its checks. */
async function callActor(actorId: string, method: string, body: unknown) {
  const res = await sidecar(
    'orders',
    `/v1.0/actors/${CART_ACTOR_TYPE}/${encodeURIComponent(actorId)}/method/${method}`,
    {
      method: 'POST',
      body: JSON.stringify(body),
    },
  );
  return { status: res.status, text: await res.text() };
}

describe('CartActor', () => {
  let identity: Pool;
  let redis: Redis;
  let api: CartApi;
  let shop: CartShop;
  let alice: SignedInUser;
  let bob: SignedInUser;

  beforeAll(async () => {
    identity = identityDatabasePool('cart-actor-test');
    redis = new Redis(ports.redis, '127.0.0.1');
    api = cartApi();
    await createIdentityStore(identity).inTenant(EXPIRY_TENANT, (tx) => tx.tenants.create(EXPIRY_TENANT));
    shop = await cartShop(identity, 'cart-x', EXPIRY_TENANT);
    [alice, bob] = await Promise.all([
      signedInUser(identity, shop.tenantId),
      signedInUser(identity, shop.tenantId),
    ]);
  });

  afterAll(async () => {
    api.close();
    redis.disconnect();
    await identity.end();
  });

  it("refuses a caller whose own credential does not name the cart (another user's cart), reading nothing", async () => {
    await api.addItem(
      {
        idempotencyKey: idempotencyKey(),
        productId: shop.product.productId,
        skuId: skuOf(shop),
        region: 'eu',
        quantity: 1,
      },
      { token: alice.accessToken },
    );
    const aliceCart = cartActorId({ kind: 'user', tenantId: shop.tenantId, userId: alice.userId });
    const asBob = await callActor(aliceCart, 'get', { caller: { accessToken: bob.accessToken } });
    expect(asBob.status).not.toBe(200);
    expect(asBob.text).toContain('Cart.NotYourCart');
    expect(asBob.text).not.toContain(shop.product.productId);
    const asAnyone = await callActor(aliceCart, 'get', {});
    expect(asAnyone.text).toContain('Cart.InvalidGet');
    const forged = await callActor(aliceCart, 'clear', {
      caller: { accessToken: `${alice.accessToken.slice(0, -4)}AAAA` },
      idempotencyKey: idempotencyKey(),
    });
    expect(forged.status).not.toBe(200);
    expect(
      (await callActor(aliceCart, 'get', { caller: { accessToken: alice.accessToken } })).text,
    ).toContain(shop.product.productId);
  });

  it('empties an abandoned cart by its reminder, which survives a restart of the host', async (ctx) => {
    const added = await api.addItem(
      {
        idempotencyKey: idempotencyKey(),
        productId: shop.product.productId,
        skuId: skuOf(shop),
        region: 'eu',
        quantity: 1,
      },
      { tenant: shop.tenantId },
    );
    const cart = added.cart;
    const lifetimeMs =
      Number(cart?.expiresAt?.seconds ?? 0) * 1000 - Number(cart?.updatedAt?.seconds ?? 0) * 1000;
    if (lifetimeMs > 60_000) {
      ctx.skip(`${EXPIRY_TENANT} has the default expiry here: the stack was not started by tools/ci/test.ts`);
    }
    const [, , cartId] = added.cartToken.split('.');
    const actorId = cartActorId({ kind: 'anonymous', tenantId: shop.tenantId, cartId: cartId ?? '' });
    const stateKeys = () => redis.keys(`*${CART_ACTOR_TYPE}||${actorId}||*`);
    expect(await stateKeys()).not.toEqual([]);

    await stackControl.restart([HOST, `${HOST}-dapr`]);
    // The host and its sidecar were down and came back before the reminder was due: it fires after the restart.
    expect(Date.now()).toBeLessThan(Number(cart?.expiresAt?.seconds ?? 0) * 1000);
    await eventually(
      stateKeys,
      (keys) => keys.length === 0,
      90_000,
      'the expiry reminder to delete the cart',
    );
    const after = await api.getCart({ cartToken: added.cartToken }, { tenant: shop.tenantId });
    expect(after.cart).toMatchObject({ lines: [], revision: '0' });
  });
});
