import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderState } from '@shopstream/proto/orders/v1/order.js';
import { stackControl } from '../../tools/stack/control.js';
import { catalogApi, idempotencyKey, withRetries, type CatalogApi } from '@shopstream/testing/catalog';
import { identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { cartApi, ordersApi, type CartApi, type OrdersApi } from '@shopstream/testing/orders';
import { emulator, intentsOfOrder } from '@shopstream/testing/payments';
import { eventually, sleep } from '@shopstream/testing/stack';
import { cartShop, skuOf, type CartShop } from './cart-fixtures.js';

const WORKER = 'orders-worker';
const CHECKOUTS = 9;
const ENDS = new Set([OrderState.ORDER_STATE_CONFIRMED, OrderState.ORDER_STATE_COMPENSATED]);

/**
 * A bounded run: 9 checkouts (the shop has 10 units) (every third with a declined card) while the saga's worker is stopped twice
 * through the supervisor at points of its work, and started again. Every order must end CONFIRMED or
 * COMPENSATED, every CONFIRMED order has exactly one captured charge and no other order has one, and the
 * stock is conserved: available + reserved + sold is unchanged, sold grew by the confirmed units and
 * nothing stays reserved.
 */
describe('checkout with the saga worker stopped mid-run', () => {
  let identity: Pool;
  let orders: OrdersApi;
  let carts: CartApi;
  let catalog: CatalogApi;
  let shop: CartShop;
  const stripe = emulator();

  beforeAll(async () => {
    identity = identityDatabasePool('checkout-kill-test');
    orders = ordersApi();
    carts = cartApi();
    catalog = catalogApi();
    shop = await cartShop(identity, 'checkout-kill');
  });

  afterAll(async () => {
    await stackControl.start([WORKER, `${WORKER}-dapr`]).catch(() => undefined);
    orders.close();
    carts.close();
    catalog.close();
    await identity.end();
  });

  const stock = async () => {
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

  it('ends every order CONFIRMED or COMPENSATED, charges exactly the confirmed ones, conserves stock', async () => {
    const before = await stock();
    const shoppers = await Promise.all(
      Array.from({ length: CHECKOUTS }, () => signedInUser(identity, shop.tenantId)),
    );
    for (const user of shoppers) {
      await withRetries(() =>
        carts.addItem(
          {
            idempotencyKey: idempotencyKey(),
            productId: shop.product.productId,
            skuId: skuOf(shop),
            region: 'eu',
            quantity: 1,
          },
          { token: user.accessToken },
        ),
      );
    }
    const placed: { user: (typeof shoppers)[number]; orderId: string }[] = [];
    const place = async (i: number) => {
      const user = shoppers[i]!;
      const request = {
        idempotencyKey: idempotencyKey(),
        paymentMethodId: i % 3 === 2 ? 'pm_card_chargeCustomerFail' : 'pm_card_visa',
      };
      const { order } = await withRetries(() => orders.createOrder(request, { token: user.accessToken }));
      placed.push({ user, orderId: order!.orderId });
    };
    for (let i = 0; i < CHECKOUTS; i++) {
      await place(i);
      if (i === 2 || i === 6) {
        // Mid-saga: the orders just placed are somewhere between reserve and capture.
        await stackControl.stop([WORKER]);
        await sleep(3_000);
        await stackControl.start([WORKER]);
      }
      await sleep(150);
    }

    const finals = await Promise.all(
      placed.map(async ({ user, orderId }) => {
        const order = await eventually(
          async () => (await orders.getOrder({ orderId }, { token: user.accessToken })).order,
          (o) => o !== undefined && ENDS.has(o.state),
          120_000,
          `order ${orderId} to end`,
        );
        return order!;
      }),
    );
    const confirmed = finals.filter((o) => o.state === OrderState.ORDER_STATE_CONFIRMED);
    console.info(
      `worker stopped twice: ${confirmed.length} CONFIRMED, ${finals.length - confirmed.length} COMPENSATED`,
    );
    expect(confirmed.length).toBeGreaterThanOrEqual(Math.floor((CHECKOUTS * 2) / 3));

    for (const order of finals) {
      const charged = (await intentsOfOrder(stripe, order.orderId)).filter((pi) => pi.status === 'succeeded');
      expect(charged, order.orderId).toHaveLength(order.state === OrderState.ORDER_STATE_CONFIRMED ? 1 : 0);
    }
    await eventually(
      stock,
      (s) => s.reserved === before.reserved && s.sold === before.sold + confirmed.length,
      60_000,
      'every compensated reservation to be released and every confirmed one sold',
    );
    const after = await stock();
    expect(after.available + after.reserved + after.sold).toBe(
      before.available + before.reserved + before.sold,
    );
  });
});
