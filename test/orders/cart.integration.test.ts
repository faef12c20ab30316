import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, idempotencyKey } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser, type SignedInUser } from '@shopstream/testing/identity';
import { cartApi, type CartApi } from '@shopstream/testing/orders';
import { eventually } from '@shopstream/testing/stack';
import { cartShop, changeEuPrice, skuOf, type CartShop } from './cart-fixtures.js';

/** CartService through the web app's sidecar, CartActor on orders-cart, prices from the real catalog. */
describe('CartService', () => {
  let identity: Pool;
  let api: CartApi;
  let shop: CartShop;
  let otherShop: CartShop;
  let alice: SignedInUser;
  let bob: SignedInUser;

  const item = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: idempotencyKey(),
    productId: shop.product.productId,
    skuId: skuOf(shop),
    region: 'eu',
    quantity: 1,
    ...overrides,
  });

  beforeAll(async () => {
    identity = identityDatabasePool('cart-test');
    api = cartApi();
    [shop, otherShop] = await Promise.all([cartShop(identity, 'cart-a'), cartShop(identity, 'cart-b')]);
    [alice, bob] = await Promise.all([
      signedInUser(identity, shop.tenantId),
      signedInUser(identity, shop.tenantId),
    ]);
  });

  afterAll(async () => {
    api.close();
    await identity.end();
  });

  it('adds, sets, removes and clears, priced by the catalog with totals per currency', async () => {
    const as = { token: alice.accessToken };
    await api.addItem(item({ quantity: 2 }), as);
    await api.addItem(item({ region: 'us' }), as);
    const added = (await api.addItem(item(), as)).cart;
    expect(added?.lines.map((l) => [l.region, l.quantity, l.unitPrice?.amountMinor])).toEqual([
      ['eu', 3, '2500'],
      ['us', 1, '2900'],
    ]);
    expect(added?.totals).toEqual([
      { currencyCode: 'EUR', amountMinor: '7500' },
      { currencyCode: 'USD', amountMinor: '2900' },
    ]);
    expect(added?.itemCount).toBe(4);
    expect(added?.lines[0]).toMatchObject({ skuCode: shop.product.skus[0]?.code, title: shop.product.title });

    const set = await api.setQuantity(
      { idempotencyKey: idempotencyKey(), skuId: skuOf(shop), region: 'eu', quantity: 5 },
      as,
    );
    expect(set.cart?.lines[0]?.quantity).toBe(5);
    const removed = await api.removeItem(
      { idempotencyKey: idempotencyKey(), skuId: skuOf(shop), region: 'us' },
      as,
    );
    expect(removed.cart?.lines.map((l) => l.region)).toEqual(['eu']);
    const read = (await api.getCart({}, as)).cart;
    expect(read?.lines.map((l) => l.quantity)).toEqual([5]);
    expect(read?.totals).toEqual([{ currencyCode: 'EUR', amountMinor: '12500' }]);
    const cleared = await api.clearCart({ idempotencyKey: idempotencyKey() }, as);
    expect(cleared.cart?.lines).toEqual([]);
    expect((await api.getCart({}, as)).cart?.itemCount).toBe(0);
  });

  it('shows a price changed in the catalog since the item was added', async () => {
    const carol = await signedInUser(identity, shop.tenantId);
    const as = { token: carol.accessToken };
    await api.addItem(item({ quantity: 2 }), as);
    await changeEuPrice(shop, '2200');
    const cart = await eventually(
      async () => (await api.getCart({}, as)).cart,
      (c) => c?.lines[0]?.unitPrice?.amountMinor === '2200',
      20_000,
      'the new price in the cart',
    );
    expect(cart?.lines[0]).toMatchObject({
      priceWhenAdded: { currencyCode: 'EUR', amountMinor: '2500' },
      priceChanged: true,
      lineTotal: { currencyCode: 'EUR', amountMinor: '4400' },
    });
    expect(cart?.totals).toEqual([{ currencyCode: 'EUR', amountMinor: '4400' }]);
    await changeEuPrice(shop, '2500');
  });

  it.each([
    ['quantity 0', { quantity: 0 }, 'quantity'],
    ['quantity 100', { quantity: 100 }, 'quantity'],
    ['an unknown SKU', { skuId: randomUUID() }, 'skuId'],
    ['an unknown product', { productId: randomUUID() }, 'productId'],
    ['a region the SKU is not sold in', { region: 'uk' }, 'region'],
    ['no idempotency key', { idempotencyKey: '' }, 'idempotencyKey'],
  ])('refuses %s with the field, writing nothing', async (_, change, field) => {
    const dave = await signedInUser(identity, shop.tenantId);
    const as = { token: dave.accessToken };
    const request = item(change);
    const refused = await failure(api.addItem(request, as));
    expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT, fields: [field] });
    expect((await api.getCart({}, as)).cart?.revision).toBe('0');
    if (field !== 'idempotencyKey') {
      // The key was not recorded: it works for a valid request.
      const ok = await api.addItem(item({ idempotencyKey: request.idempotencyKey }), as);
      expect(ok.replayed).toBe(false);
    }
  });

  it("refuses another shop's SKU as an unknown product", async () => {
    const refused = await failure(
      api.addItem(item({ productId: otherShop.product.productId, skuId: skuOf(otherShop) }), {
        token: alice.accessToken,
      }),
    );
    expect(refused).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'Cart.UnknownProduct',
      fields: ['productId'],
    });
  });

  it('refuses more than the stock available', async () => {
    const refused = await failure(
      api.addItem(item({ region: 'us', quantity: 6 }), { token: bob.accessToken }),
    );
    expect(refused).toMatchObject({
      code: status.ABORTED,
      reason: 'Cart.NotAvailable',
      fields: ['quantity'],
    });
  });

  it('replays the same key with the same request, and refuses it with another, naming the key', async () => {
    const erin = await signedInUser(identity, shop.tenantId);
    const as = { token: erin.accessToken };
    const request = item({ quantity: 2 });
    const first = await api.addItem(request, as);
    const again = await api.addItem(request, as);
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.cart).toEqual(first.cart);
    expect((await api.getCart({}, as)).cart?.lines[0]?.quantity).toBe(2);

    const other = await api.addItem({ ...request, quantity: 3 }, as).catch((e: Error) => e);
    expect(other).toBeInstanceOf(Error);
    expect((other as Error).message).toContain(request.idempotencyKey);
    expect(await failure(api.addItem({ ...request, quantity: 3 }, as))).toMatchObject({
      code: status.ABORTED,
      reason: 'Idempotency.KeyReused',
      fields: ['idempotencyKey'],
    });
    expect((await api.getCart({}, as)).cart?.lines[0]?.quantity).toBe(2);
  });

  it('applies one change for ten concurrent calls with one key', async () => {
    const frank = await signedInUser(identity, shop.tenantId);
    const as = { token: frank.accessToken };
    const request = item();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => api.addItem(request, as)));
    const answered = results.filter((r) => r.status === 'fulfilled');
    expect(answered.length).toBeGreaterThan(0);
    // The others were told to retry (still in progress) or got the replay.
    for (const r of results) {
      if (r.status === 'rejected') expect(String(r.reason)).toMatch(/Idempotency.InProgress/);
    }
    expect((await api.getCart({}, as)).cart?.lines[0]?.quantity).toBe(1);
  });

  it('gives an anonymous shopper a cart token, and merges that cart into the user’s at sign-in', async () => {
    const anon = { tenant: shop.tenantId };
    expect((await api.getCart({}, anon)).cart?.lines).toEqual([]);
    const request = item({ quantity: 2 });
    const first = await api.addItem(request, anon);
    expect(first.cartToken).toMatch(/^c1\./);
    const retry = await api.addItem(request, anon);
    expect(retry).toMatchObject({ replayed: true, cartToken: first.cartToken });
    await api.addItem({ ...item({ skuId: skuOf(shop, 1) }), cartToken: first.cartToken }, anon);
    expect((await api.getCart({ cartToken: first.cartToken }, anon)).cart?.itemCount).toBe(3);

    const grace = await signedInUser(identity, shop.tenantId);
    const as = { token: grace.accessToken };
    await api.addItem(item(), as);
    const mergeKey = idempotencyKey();
    const merged = await api.mergeCarts(
      { idempotencyKey: mergeKey, anonymousCartToken: first.cartToken },
      as,
    );
    expect(merged.mergedLines).toBe(2);
    expect(merged.cart?.lines.map((l) => l.quantity)).toEqual([3, 1]);
    expect((await api.getCart({ cartToken: first.cartToken }, anon)).cart?.lines).toEqual([]);
    const replay = await api.mergeCarts(
      { idempotencyKey: mergeKey, anonymousCartToken: first.cartToken },
      as,
    );
    expect(replay).toMatchObject({ replayed: true, mergedLines: 2 });
    expect((await api.getCart({}, as)).cart?.itemCount).toBe(4);
  });

  it('refuses a cart token of another shop, a forged one, and one beside a bearer token', async () => {
    const { cartToken } = await api.addItem(item(), { tenant: shop.tenantId });
    expect(await failure(api.getCart({ cartToken }, { tenant: otherShop.tenantId }))).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'Cart.InvalidCartToken',
    });
    const forged = `${cartToken.slice(0, -4)}AAAA`;
    expect(await failure(api.getCart({ cartToken: forged }, { tenant: shop.tenantId }))).toMatchObject({
      code: status.UNAUTHENTICATED,
    });
    expect(await failure(api.getCart({ cartToken }, { token: alice.accessToken }))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'Cart.UnexpectedCartToken',
    });
    expect(await failure(api.getCart({}, {}))).toMatchObject({ reason: 'Cart.TenantRequired' });
    expect(
      await failure(
        api.mergeCarts(
          { idempotencyKey: idempotencyKey(), anonymousCartToken: cartToken },
          { tenant: shop.tenantId },
        ),
      ),
    ).toMatchObject({
      code: status.UNAUTHENTICATED,
    });
  });
});
