import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderStore, newOrder } from '@shopstream/orders';
import { OrderState, type Order } from '@shopstream/proto/orders/v1/order.js';
import { catalogApi, type CatalogApi } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser, type SignedInUser } from '@shopstream/testing/identity';
import { ordersApi, ordersDatabasePool, type OrdersApi } from '@shopstream/testing/orders';
import { emulator, intentsOfOrder } from '@shopstream/testing/payments';
import { eventually, ports, sleep } from '@shopstream/testing/stack';
import { cartShop, type CartShop } from './cart-fixtures.js';

/**
 * The PENDING-order sweeper (adr/0027) on the real stack: an order committed PENDING whose saga was never
 * started (what a process dying between CreateOrder's commit and its workflow start leaves) is written with the
 * orders service's own store, as CreateOrder writes it, and nothing else. The `orders-pending-sweeper` Dapr
 * job (every 10 s, 30 s grace, 15 min to fail) must start the saga of a recent one and FAIL an old one, once.
 */
describe('PENDING-order sweeper', () => {
  let identity: Pool;
  let ordersDb: Pool;
  let orders: OrdersApi;
  let catalog: CatalogApi;
  let temporal: Connection;
  let shop: CartShop;
  const stripe = emulator();

  beforeAll(async () => {
    identity = identityDatabasePool('pending-sweeper-test');
    ordersDb = ordersDatabasePool('pending-sweeper-test');
    orders = ordersApi();
    catalog = catalogApi();
    temporal = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    shop = await cartShop(identity, 'sweeper');
  });

  afterAll(async () => {
    orders.close();
    catalog.close();
    await temporal.close();
    await Promise.all([identity.end(), ordersDb.end()]);
  });

  const euStock = async () => {
    const { product } = await catalog.getProduct(
      { productId: shop.product.productId },
      { token: shop.adminToken, noCache: true },
    );
    const level = product?.skus[0]?.stock.find((s) => s.region === 'eu');
    return {
      available: Number(level?.available ?? -1),
      reserved: Number(level?.reserved ?? -1),
      sold: Number(level?.sold ?? -1),
    };
  };

  /** An order of 1 unit of the first SKU, written PENDING `ageMs` ago, with no saga started. */
  const stuckOrder = async (user: SignedInUser, ageMs: number): Promise<string> => {
    const sku = shop.product.skus[0]!;
    const { order, transition } = newOrder({
      tenantId: shop.tenantId,
      id: randomUUID(),
      userId: user.userId,
      currency: 'EUR',
      lines: [
        {
          productId: shop.product.productId,
          skuId: sku.skuId,
          region: 'eu',
          skuCode: sku.code,
          title: shop.product.title,
          quantity: 1,
          unitPriceMinor: 2500,
        },
      ],
      paymentMethodId: 'pm_card_visa',
      at: Date.now() - ageMs,
    });
    const written = await createOrderStore(ordersDb).inTenant(shop.tenantId, (tx) =>
      tx.insertOrder(order, transition),
    );
    expect(written).toBe(true);
    return order.id;
  };

  const orderOf = async (user: SignedInUser, orderId: string) =>
    (await orders.getOrder({ orderId }, { token: user.accessToken })).order;

  const workflowExists = async (orderId: string) => {
    try {
      await new Client({ connection: temporal }).workflow.getHandle(`checkout:${orderId}`).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };

  it('starts the saga of an order stuck PENDING past the grace: it ends CONFIRMED, once', async () => {
    const user = await signedInUser(identity, shop.tenantId);
    const before = await euStock();
    const orderId = await stuckOrder(user, 45_000);
    expect(await workflowExists(orderId)).toBe(false);

    const done = (await eventually(
      () => orderOf(user, orderId),
      (o) => o?.state === OrderState.ORDER_STATE_CONFIRMED,
      60_000,
      'the sweeper to start the saga and the order to be CONFIRMED',
    )) as Order;
    expect(await workflowExists(orderId)).toBe(true);
    expect((await intentsOfOrder(stripe, orderId)).map((pi) => pi.status)).toEqual(['succeeded']);
    expect(await euStock()).toEqual({ ...before, available: before.available - 1, sold: before.sold + 1 });

    // Later passes find nothing to do: the same history, the same single charge.
    await sleep(12_000);
    const later = await orderOf(user, orderId);
    expect(later?.transitions.map((t) => t.toState)).toEqual(done.transitions.map((t) => t.toState));
    expect(later?.transitions).toHaveLength(5);
    expect((await intentsOfOrder(stripe, orderId)).map((pi) => pi.status)).toEqual(['succeeded']);
  });

  it('FAILS an order stuck PENDING for longer than 15 minutes without a saga, and starts none', async () => {
    const user = await signedInUser(identity, shop.tenantId);
    const before = await euStock();
    const orderId = await stuckOrder(user, 20 * 60_000);

    const failed = (await eventually(
      () => orderOf(user, orderId),
      (o) => o?.state === OrderState.ORDER_STATE_FAILED,
      30_000,
      'the sweeper to fail the old order',
    )) as Order;
    expect(failed.failureReason).toBe('checkout_not_started');
    expect(failed.transitions.map((t) => t.toState)).toEqual([
      OrderState.ORDER_STATE_PENDING,
      OrderState.ORDER_STATE_FAILED,
    ]);

    await sleep(12_000);
    expect((await orderOf(user, orderId))?.transitions).toHaveLength(2);
    expect(await workflowExists(orderId)).toBe(false);
    expect(await intentsOfOrder(stripe, orderId)).toEqual([]);
    expect(await euStock()).toEqual(before);
  });
});
