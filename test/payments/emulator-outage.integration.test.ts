import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentStatus } from '@shopstream/proto/payments/v1/payment.js';
import { stackControl } from '../../tools/stack/control.js';
import { failure, idempotencyKey } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';
import {
  emulator,
  inTenant,
  intentsOfOrder,
  paymentsApi,
  paymentsDatabasePool,
  type PaymentsApi,
} from '@shopstream/testing/payments';

/**
 * Stripe (the emulator) stopped while the saga asks for a payment: the call fails as retryable
 * (`UNAVAILABLE Payments.ProviderUnavailable`) and writes nothing; the saga's retry with the same key once
 * Stripe is back makes exactly one intent.
 */
describe('payments while the Stripe emulator is down', () => {
  let identity: Pool;
  let db: Pool;
  let api: PaymentsApi;
  let tenant = '';
  let charge = '';

  beforeAll(async () => {
    identity = identityDatabasePool('payments-outage-test');
    db = paymentsDatabasePool('payments-outage-test');
    api = paymentsApi();
    tenant = await createTestTenant(identity, 'payout');
    [charge] = (await signedInTokens(identity, tenant, [{ roles: ['payments.charge'] }])) as [string];
  });

  afterAll(async () => {
    await stackControl.start(['stripe-emulator']).catch(() => undefined);
    api?.close();
    await identity?.end();
    await db?.end();
  });

  it('answers UNAVAILABLE and writes nothing; the retry with the same key makes one intent', async () => {
    const orderId = randomUUID();
    const request = {
      idempotencyKey: idempotencyKey(),
      orderId,
      amount: { currencyCode: 'EUR', amountMinor: '3100' },
      paymentMethodId: 'pm_card_visa',
    };
    await stackControl.stop(['stripe-emulator']);
    try {
      const down = await failure(api.createIntent(charge, request));
      expect(down.code).toBe(status.UNAVAILABLE);
      expect(down.reason).toContain('Payments.ProviderUnavailable');
      const rows = await inTenant(
        db,
        tenant,
        async (c) => (await c.query('SELECT 1 FROM payments WHERE order_id = $1', [orderId])).rowCount,
      );
      expect(rows).toBe(0);
    } finally {
      await stackControl.start(['stripe-emulator']);
    }
    const payment = await api.createIntent(charge, request);
    expect(payment.status).toBe(PaymentStatus.PAYMENT_STATUS_AUTHORIZED);
    expect(await intentsOfOrder(emulator(), orderId)).toHaveLength(1);
  });
});
