import { writeFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderState, type Order } from '@shopstream/proto/orders/v1/order.js';
import { catalogApi, failure, idempotencyKey, type CatalogApi } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser, type SignedInUser } from '@shopstream/testing/identity';
import {
  cartApi,
  orderRowCounts,
  ordersApi,
  ordersDatabasePool,
  type CartApi,
  type OrdersApi,
} from '@shopstream/testing/orders';
import { emulator, intentsOfOrder } from '@shopstream/testing/payments';
import { eventually, ports, sleep } from '@shopstream/testing/stack';
import { cartShop, skuOf, type CartShop } from './cart-fixtures.js';

const FINAL = new Set([
  OrderState.ORDER_STATE_CONFIRMED,
  OrderState.ORDER_STATE_COMPENSATED,
  OrderState.ORDER_STATE_FAILED,
  OrderState.ORDER_STATE_CANCELLED,
]);

/**
 * `RECORD_CHECKOUT_HISTORIES=<version>` writes the histories of the confirmed and the compensated checkout to
 * services/orders/src/workflows/histories/ (the replay test's input): run once after a workflow change.
 */
async function recordHistory(orderId: string, outcome: string): Promise<void> {
  const version = process.env.RECORD_CHECKOUT_HISTORIES;
  if (version === undefined || version === '') return;
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  try {
    const handle = new Client({ connection }).workflow.getHandle(`checkout:${orderId}`);
    await handle.result();
    const file = new URL(
      `../../services/orders/src/workflows/histories/checkout-${outcome}-${version}.json`,
      import.meta.url,
    );
    writeFileSync(
      file,
      `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`,
    );
  } finally {
    await connection.close();
  }
}

/**
 * The checkout end to end through the sidecars: OrdersService on `orders`, the saga on `orders-worker`
 * (Temporal), stock in the real catalog, payments through the Stripe emulator, the cart in CartActor.
 */
describe('checkout (OrdersService + the checkout saga)', () => {
  let identity: Pool;
  let ordersDb: Pool;
  let orders: OrdersApi;
  let carts: CartApi;
  let catalog: CatalogApi;
  let shop: CartShop;
  let otherShop: CartShop;
  const stripe = emulator();

  beforeAll(async () => {
    identity = identityDatabasePool('checkout-test');
    ordersDb = ordersDatabasePool('checkout-test');
    orders = ordersApi();
    carts = cartApi();
    catalog = catalogApi();
    [shop, otherShop] = await Promise.all([
      cartShop(identity, 'checkout-a'),
      cartShop(identity, 'checkout-b'),
    ]);
  });

  afterAll(async () => {
    orders.close();
    carts.close();
    catalog.close();
    await Promise.all([identity.end(), ordersDb.end()]);
  });

  /** Available, reserved and sold units of a SKU in eu, read fresh from the catalog. */
  const stockOf = async (skuIndex: number) => {
    const { product } = await catalog.getProduct(
      { productId: shop.product.productId },
      { token: shop.adminToken, noCache: true },
    );
    const level = product?.skus[skuIndex]?.stock.find((s) => s.region === 'eu');
    return {
      available: Number(level?.available ?? -1),
      reserved: Number(level?.reserved ?? -1),
      sold: Number(level?.sold ?? -1),
    };
  };
  const total = (s: { available: number; reserved: number; sold: number }) =>
    s.available + s.reserved + s.sold;

  /** A new shopper with `lines` ([sku index, quantity]) in the eu cart; the cart's revision. */
  const shopperWith = async (lines: [number, number][]) => {
    const user = await signedInUser(identity, shop.tenantId);
    let revision = '0';
    for (const [index, quantity] of lines) {
      const { cart } = await carts.addItem(
        {
          idempotencyKey: idempotencyKey(),
          productId: shop.product.productId,
          skuId: skuOf(shop, index),
          region: 'eu',
          quantity,
        },
        { token: user.accessToken },
      );
      revision = cart?.revision ?? '0';
    }
    return { user, revision };
  };

  const finalOrder = async (user: SignedInUser, orderId: string, timeoutMs = 60_000): Promise<Order> => {
    const order = await eventually(
      async () => (await orders.getOrder({ orderId }, { token: user.accessToken })).order,
      (o) => o !== undefined && FINAL.has(o.state),
      timeoutMs,
      `order ${orderId} to end`,
    );
    return order!;
  };

  it('answers PENDING at once, then CONFIRMED: stock sold, one captured charge, cart emptied, every state published', async () => {
    const before = [await stockOf(0), await stockOf(1)];
    const { user, revision } = await shopperWith([
      [0, 2],
      [1, 1],
    ]);
    const started = Date.now();
    const answer = await orders.createOrder(
      { idempotencyKey: idempotencyKey(), paymentMethodId: 'pm_card_visa', expectedCartRevision: revision },
      { token: user.accessToken },
    );
    const answeredMs = Date.now() - started;
    const accepted = answer.order;
    expect(accepted?.state).toBe(OrderState.ORDER_STATE_PENDING);
    expect(accepted?.total).toEqual({ currencyCode: 'EUR', amountMinor: String(2 * 2500 + 1000) });
    expect(accepted?.lines.map((l) => l.quantity)).toEqual([2, 1]);
    expect(accepted?.workflowId).toBe(`checkout:${accepted?.orderId}`);

    const done = await finalOrder(user, accepted!.orderId);
    const confirmedMs = Date.now() - started;
    console.info(`checkout: answered in ${answeredMs} ms, CONFIRMED after ${confirmedMs} ms`);
    expect(done.state).toBe(OrderState.ORDER_STATE_CONFIRMED);
    expect(done.transitions.map((t) => t.toState)).toEqual([
      OrderState.ORDER_STATE_PENDING,
      OrderState.ORDER_STATE_STOCK_RESERVED,
      OrderState.ORDER_STATE_PAYMENT_AUTHORIZED,
      OrderState.ORDER_STATE_PAID,
      OrderState.ORDER_STATE_CONFIRMED,
    ]);
    expect(done.paymentId).not.toBe('');

    // The units left available for sold (none stays reserved); the stock received is unchanged.
    const after = [await stockOf(0), await stockOf(1)];
    expect(after[0]).toEqual({
      available: before[0]!.available - 2,
      reserved: before[0]!.reserved,
      sold: before[0]!.sold + 2,
    });
    expect(after[1]).toEqual({
      available: before[1]!.available - 1,
      reserved: before[1]!.reserved,
      sold: before[1]!.sold + 1,
    });
    expect(after.map(total)).toEqual(before.map(total));
    const intents = await intentsOfOrder(stripe, done.orderId);
    expect(intents.map((pi) => [pi.status, pi.amount])).toEqual([['succeeded', 6000]]);
    await eventually(
      async () => (await carts.getCart({}, { token: user.accessToken })).cart?.itemCount,
      (n) => n === 0,
      10_000,
      'the ordered lines to leave the cart',
    );
    const counts = await orderRowCounts(ordersDb, shop.tenantId);
    expect(counts.events).toBeGreaterThanOrEqual(5);
    await recordHistory(done.orderId, 'confirmed');
  });

  it('a declined card compensates: COMPENSATED with the reason, stock back within a minute, nothing charged', async () => {
    const before = await stockOf(0);
    const { user } = await shopperWith([[0, 3]]);
    const { order } = await orders.createOrder(
      { idempotencyKey: idempotencyKey(), paymentMethodId: 'pm_card_chargeCustomerFail' },
      { token: user.accessToken },
    );
    const done = await finalOrder(user, order!.orderId, 60_000);
    expect(done.state).toBe(OrderState.ORDER_STATE_COMPENSATED);
    expect(done.failureReason).toBe('card_declined');
    const compensatedAt = Date.now();
    await eventually(
      () => stockOf(0),
      (s) => s.available === before.available && s.reserved === before.reserved,
      60_000,
      'the stock to be back',
    );
    // Nothing was sold by a compensated checkout.
    expect(await stockOf(0)).toEqual(before);
    console.info(`declined: stock back ${Date.now() - compensatedAt} ms after the order showed COMPENSATED`);
    const intents = await intentsOfOrder(stripe, done.orderId);
    expect(intents.map((pi) => pi.status)).not.toContain('succeeded');
    await recordHistory(done.orderId, 'compensated');
    // The cart is kept: the shopper can pay with another card.
    const { cart } = await carts.getCart({}, { token: user.accessToken });
    expect(cart?.itemCount).toBe(3);
  });

  it('50 concurrent CreateOrder calls with one key: one order, one intent, one charge, 49 identical replays', async () => {
    const { user, revision } = await shopperWith([[1, 1]]);
    const key = idempotencyKey();
    const request = { idempotencyKey: key, paymentMethodId: 'pm_card_visa', expectedCartRevision: revision };
    // As the proto advises: a call that finds the first one still running (ABORTED Idempotency.InProgress,
    // after the server waited 4 s for it) retries after a short wait.
    const submit = async (): Promise<Awaited<ReturnType<OrdersApi['createOrder']>>> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await orders.createOrder(request, { token: user.accessToken });
        } catch (error) {
          if (attempt >= 5 || !String(error).includes('Idempotency.InProgress')) throw error;
          await sleep(500);
        }
      }
    };
    const answers = await Promise.all(Array.from({ length: 50 }, submit));
    const ids = new Set(answers.map((a) => a.order?.orderId));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.replayed)).toHaveLength(49);
    const first = answers.find((a) => !a.replayed);
    for (const replay of answers.filter((a) => a.replayed)) expect(replay.order).toEqual(first?.order);

    const [orderId] = [...ids];
    const done = await finalOrder(user, orderId!);
    expect(done.state).toBe(OrderState.ORDER_STATE_CONFIRMED);
    const intents = await intentsOfOrder(stripe, orderId!);
    expect(intents.map((pi) => [pi.status, pi.amount])).toEqual([['succeeded', 1000]]);
    const list = await orders.listOrders({}, { token: user.accessToken });
    expect(list.orders.map((o) => o.orderId)).toEqual([orderId]);

    // The same key with another request names the key.
    const other = { ...request, paymentMethodId: 'pm_card_mastercard' };
    const reused = await failure(orders.createOrder(other, { token: user.accessToken }));
    expect(reused.code).toBe(status.ABORTED);
    expect(reused.reason).toBe('Idempotency.KeyReused');
    const raw = (await orders
      .createOrder(other, { token: user.accessToken })
      .catch((e: unknown) => e)) as Error;
    expect(raw.message).toContain(key);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const { user } = await shopperWith([[0, 1]]);
    const as = { token: user.accessToken };
    const countsBefore = await orderRowCounts(ordersDb, shop.tenantId);

    const noKey = await failure(orders.createOrder({ paymentMethodId: 'pm_card_visa' }, as));
    expect(noKey.code).toBe(status.INVALID_ARGUMENT);
    expect(noKey.fields).toEqual(['idempotency_key']);

    const card = await failure(
      orders.createOrder({ idempotencyKey: idempotencyKey(), paymentMethodId: '4242424242424242' }, as),
    );
    expect(card.fields).toEqual(['payment_method_id']);

    const changed = await failure(
      orders.createOrder(
        { idempotencyKey: idempotencyKey(), paymentMethodId: 'pm_card_visa', expectedCartRevision: '999' },
        as,
      ),
    );
    expect(changed.reason).toBe('Orders.CartChanged');
    expect(changed.fields).toEqual(['expected_cart_revision']);

    const empty = await signedInUser(identity, shop.tenantId);
    const nothing = await failure(
      orders.createOrder(
        { idempotencyKey: idempotencyKey(), paymentMethodId: 'pm_card_visa' },
        { token: empty.accessToken },
      ),
    );
    expect(nothing.reason).toBe('Orders.CartEmpty');
    expect(nothing.fields).toEqual(['cart']);

    // Quantities, unknown and other shops' SKUs never reach a cart (the cart refuses them, naming the field).
    for (const [skuId, quantity, field] of [
      [skuOf(shop), 0, 'quantity'],
      [skuOf(shop), 10_000, 'quantity'],
      [crypto.randomUUID(), 1, 'skuId'],
      [skuOf(otherShop), 1, 'skuId'],
    ] as const) {
      const refused = await failure(
        carts.addItem(
          {
            idempotencyKey: idempotencyKey(),
            productId: shop.product.productId,
            skuId,
            region: 'eu',
            quantity,
          },
          as,
        ),
      );
      expect(refused.code, `${skuId} × ${quantity}`).toBe(status.INVALID_ARGUMENT);
      expect(refused.fields).toContain(field);
    }

    const badId = await failure(orders.getOrder({ orderId: 'not-a-uuid' }, as));
    expect(badId.fields).toEqual(['order_id']);
    const badFilter = await failure(orders.listOrders({ page: { pageSize: 5, pageToken: 'forged' } }, as));
    expect(badFilter.fields).toEqual(['page.page_token']);
    expect(await orderRowCounts(ordersDb, shop.tenantId)).toEqual(countsBefore);
  });

  it("another user's or another shop's order is not found; admins list the tenant's orders by state", async () => {
    const { user, revision } = await shopperWith([[1, 1]]);
    const { order } = await orders.createOrder(
      { idempotencyKey: idempotencyKey(), paymentMethodId: 'pm_card_visa', expectedCartRevision: revision },
      { token: user.accessToken },
    );
    await finalOrder(user, order!.orderId);
    const stranger = await signedInUser(identity, shop.tenantId);
    const foreigner = await signedInUser(identity, otherShop.tenantId, { admin: true });
    for (const token of [stranger.accessToken, foreigner.accessToken]) {
      const missing = await failure(orders.getOrder({ orderId: order!.orderId }, { token }));
      expect(missing.code).toBe(status.NOT_FOUND);
    }
    const notAdmin = await failure(orders.listOrders({ allUsers: true }, { token: stranger.accessToken }));
    expect(notAdmin.code).toBe(status.PERMISSION_DENIED);

    const admin = { token: shop.adminToken };
    const confirmed = await orders.listOrders(
      { allUsers: true, states: [OrderState.ORDER_STATE_CONFIRMED], page: { pageSize: 1, pageToken: '' } },
      admin,
    );
    expect(confirmed.orders).toHaveLength(1);
    expect(confirmed.orders[0]?.state).toBe(OrderState.ORDER_STATE_CONFIRMED);
    const next = await orders.listOrders(
      {
        allUsers: true,
        states: [OrderState.ORDER_STATE_CONFIRMED],
        page: { pageSize: 100, pageToken: confirmed.page?.nextPageToken ?? '' },
      },
      admin,
    );
    const seen = [confirmed.orders[0]!.orderId, ...next.orders.map((o) => o.orderId)];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(order!.orderId);
    const otherFilter = await failure(
      orders.listOrders(
        { allUsers: true, page: { pageSize: 1, pageToken: confirmed.page?.nextPageToken ?? '' } },
        admin,
      ),
    );
    expect(otherFilter.fields).toEqual(['page.page_token']);
  });
});
