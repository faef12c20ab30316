import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentStatus } from '@shopstream/proto/payments/v1/payment.js';
import { failure, idempotencyKey } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';
import {
  emulator,
  inTenant,
  intentsOfOrder,
  paymentEventsOf,
  paymentsApi,
  paymentsDatabasePool,
  type PaymentsApi,
} from '@shopstream/testing/payments';
import { eventually, ports } from '@shopstream/testing/stack';
import { logDir } from '../../tools/stack/layout.js';
import { stripeApiUrl } from '../../tools/stack/stripe-emulator.js';

const eur = (amountMinor: number) => ({ currencyCode: 'EUR', amountMinor: String(amountMinor) });

/**
 * PaymentsService through two sidecars against the real Stripe emulator (localstripe), Postgres and daprd:
 * Stripe's test payment methods, capture and refund, idempotency (counted in the emulator), authorization,
 * tenant isolation and bad input.
 */
describe('payments through the sidecars', () => {
  let identity: Pool;
  let db: Pool;
  let api: PaymentsApi;
  let stripe: Stripe;
  let redis: Redis;
  let tenant = '';
  let charge = '';
  let admin = '';
  let shopper = '';
  let otherCharge = '';

  beforeAll(async () => {
    identity = identityDatabasePool('payments-api-test');
    db = paymentsDatabasePool('payments-api-test');
    api = paymentsApi();
    stripe = emulator();
    redis = new Redis({ host: '127.0.0.1', port: ports.redis, maxRetriesPerRequest: 1 });
    tenant = await createTestTenant(identity, 'pay');
    const other = await createTestTenant(identity, 'pay-other');
    [charge, admin, shopper] = (await signedInTokens(identity, tenant, [
      { roles: ['payments.charge'] },
      { roles: ['payments.admin'] },
      { roles: ['customer'] },
    ])) as [string, string, string];
    [otherCharge] = (await signedInTokens(identity, other, [{ roles: ['payments.charge'] }])) as [string];
  });

  afterAll(async () => {
    api?.close();
    redis?.disconnect();
    await identity?.end();
    await db?.end();
  });

  const rowsOfOrder = (orderId: string) =>
    inTenant(
      db,
      tenant,
      async (c) => (await c.query('SELECT id FROM payments WHERE order_id = $1', [orderId])).rowCount,
    );

  const authorize = (orderId: string, paymentMethodId = 'pm_card_visa', amount = 2500) =>
    api.createIntent(charge, {
      idempotencyKey: idempotencyKey(),
      orderId,
      amount: eur(amount),
      paymentMethodId,
    });

  it('authorizes pm_card_visa, captures, and refunds only for the admin', async () => {
    const orderId = randomUUID();
    const authorized = await authorize(orderId);
    expect(authorized).toMatchObject({
      orderId,
      status: PaymentStatus.PAYMENT_STATUS_AUTHORIZED,
      amount: eur(2500),
    });
    expect(authorized.stripePaymentIntentId).toMatch(/^pi_/);
    const [intent] = await intentsOfOrder(stripe, orderId);
    expect(intent).toMatchObject({ status: 'requires_capture', amount: 2500, currency: 'eur' });

    const captured = await api.capture(charge, {
      idempotencyKey: idempotencyKey(),
      paymentId: authorized.paymentId,
    });
    expect(captured.status).toBe(PaymentStatus.PAYMENT_STATUS_CAPTURED);
    expect((await stripe.paymentIntents.retrieve(authorized.stripePaymentIntentId)).status).toBe('succeeded');

    const refusal = await failure(
      api.refund(charge, { idempotencyKey: idempotencyKey(), paymentId: authorized.paymentId }),
    );
    expect(refusal.code).toBe(status.PERMISSION_DENIED);
    const refunded = await api.refund(admin, {
      idempotencyKey: idempotencyKey(),
      paymentId: authorized.paymentId,
    });
    expect(refunded).toMatchObject({ status: PaymentStatus.PAYMENT_STATUS_REFUNDED, refunded: eur(2500) });
    const refunds = await stripe.refunds.list({ payment_intent: authorized.stripePaymentIntentId });
    expect(refunds.data.map((r) => r.amount)).toEqual([2500]);

    // The emulator's payment_intent.succeeded webhook for the capture arrives after we recorded it: no effect.
    await eventually(
      () =>
        inTenant(
          db,
          tenant,
          async (c) =>
            (
              await c.query<{ outcome: string }>('SELECT outcome FROM webhook_inbox WHERE payment_id = $1', [
                authorized.paymentId,
              ])
            ).rows,
        ),
      (rows) => rows.length >= 1,
      15_000,
      'the emulator webhook of the capture',
    );
    expect(
      (await paymentEventsOf(db, authorized.paymentId)).map((e) => [e.status, e.cause, e.version]),
    ).toEqual([
      ['authorized', 'api', '1'],
      ['captured', 'api', '2'],
      ['refunded', 'api', '3'],
    ]);
    // The outbox relay publishes them on payment.events through the sidecar (Redis Streams locally).
    const published = await eventually(
      async () => {
        const entries = await redis.xrevrange('payment.events', '+', '-', 'COUNT', 5000);
        return entries
          .map(
            ([, f]) =>
              JSON.parse(f[f.indexOf('data') + 1] ?? '{}') as {
                subject?: string;
                data?: { status?: string };
              },
          )
          .filter((e) => e.subject === authorized.paymentId)
          .map((e) => e.data?.status)
          .reverse();
      },
      (statuses) => statuses.length >= 3,
      15_000,
      'the payment events on the payment.events stream',
    );
    expect(published).toEqual(['authorized', 'captured', 'refunded']);
  });

  it('a declined card is an answer (FAILED, card_declined), and it cannot be captured', async () => {
    const orderId = randomUUID();
    const declined = await authorize(orderId, 'pm_card_chargeCustomerFail');
    expect(declined).toMatchObject({
      status: PaymentStatus.PAYMENT_STATUS_FAILED,
      failureCode: 'card_declined',
    });
    const refusal = await failure(
      api.capture(charge, { idempotencyKey: idempotencyKey(), paymentId: declined.paymentId }),
    );
    expect(refusal).toMatchObject({ code: status.ABORTED, reason: 'Payments.InvalidTransition' });
    // Canceling a failed payment is already done: answered unchanged.
    const canceled = await api.cancel(charge, {
      idempotencyKey: idempotencyKey(),
      paymentId: declined.paymentId,
    });
    expect(canceled).toMatchObject({
      status: PaymentStatus.PAYMENT_STATUS_FAILED,
      version: declined.version,
    });
  });

  it('3-D Secure: REQUIRES_ACTION until the shopper authenticates, then capture completes', async () => {
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000002500003155', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
    const pending = await authorize(randomUUID(), pm.id);
    expect(pending.status).toBe(PaymentStatus.PAYMENT_STATUS_REQUIRES_ACTION);
    const intent = await stripe.paymentIntents.retrieve(pending.stripePaymentIntentId);
    // The emulator's stand-in for the 3-D Secure page the shopper would complete.
    const res = await fetch(`${stripeApiUrl()}/v1/payment_intents/${intent.id}/_authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_secret: intent.client_secret ?? '',
        success: 'true',
        key: 'pk_test_local',
      }),
    });
    expect(res.status).toBe(200);
    const captured = await api.capture(charge, {
      idempotencyKey: idempotencyKey(),
      paymentId: pending.paymentId,
    });
    expect(captured.status).toBe(PaymentStatus.PAYMENT_STATUS_CAPTURED);
    expect((await paymentEventsOf(db, pending.paymentId)).map((e) => [e.status, e.cause])).toEqual([
      ['requires_action', 'api'],
      ['authorized', 'reconciler'],
      ['captured', 'api'],
    ]);
  });

  it("insufficient funds: the emulator does not know Stripe's test method, so it is refused by field", async () => {
    // localstripe models declines only as card_declined; Stripe's `pm_card_visa_chargeDeclinedInsufficientFunds`
    // is unknown to it. Against Stripe's test mode this call answers FAILED with `insufficient_funds`.
    const orderId = randomUUID();
    const refusal = await failure(authorize(orderId, 'pm_card_visa_chargeDeclinedInsufficientFunds'));
    expect(refusal).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'Payments.UnknownPaymentMethod',
      fields: ['payment_method_id'],
    });
    expect(await rowsOfOrder(orderId)).toBe(0);
  });

  it('cancels an authorization; a second cancel answers the same payment', async () => {
    const authorized = await authorize(randomUUID());
    const key = idempotencyKey();
    const canceled = await api.cancel(charge, { idempotencyKey: key, paymentId: authorized.paymentId });
    expect(canceled.status).toBe(PaymentStatus.PAYMENT_STATUS_CANCELED);
    expect((await stripe.paymentIntents.retrieve(authorized.stripePaymentIntentId)).status).toBe('canceled');
    expect(await api.cancel(charge, { idempotencyKey: key, paymentId: authorized.paymentId })).toEqual(
      canceled,
    );
    const again = await api.cancel(charge, {
      idempotencyKey: idempotencyKey(),
      paymentId: authorized.paymentId,
    });
    expect(again.version).toBe(canceled.version);
  });

  it('20 concurrent CreateIntent calls with one key make one intent in the emulator and one payment', async () => {
    const orderId = randomUUID();
    const request = {
      idempotencyKey: idempotencyKey(),
      orderId,
      amount: eur(4200),
      paymentMethodId: 'pm_card_visa',
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.createIntent(charge, request)));
    expect(new Set(answers.map((a) => a.paymentId)).size).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await intentsOfOrder(stripe, orderId)).toHaveLength(1);
    expect(await rowsOfOrder(orderId)).toBe(1);

    // Another key for the same order: the same payment, still one intent.
    const other = await api.createIntent(charge, { ...request, idempotencyKey: idempotencyKey() });
    expect(other.paymentId).toBe(answers[0]?.paymentId);
    expect(await intentsOfOrder(stripe, orderId)).toHaveLength(1);
    // The same key with another request is refused, naming the key.
    const reused = await failure(api.createIntent(charge, { ...request, amount: eur(1) }));
    expect(reused).toMatchObject({
      code: status.ABORTED,
      reason: 'Payments.IdempotencyKeyReused',
      fields: ['idempotency_key'],
    });
  });

  it('bad input is refused with the fields, and nothing is written', async () => {
    const orderId = randomUUID();
    const bad = await failure(
      api.createIntent(charge, {
        idempotencyKey: '',
        orderId,
        amount: { currencyCode: 'eur', amountMinor: '0' },
        paymentMethodId: '4242424242424242',
      }),
    );
    expect(bad).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fields: ['amount.amount_minor', 'amount.currency_code', 'idempotency_key', 'payment_method_id'],
    });
    const noAmount = await failure(
      api.createIntent(charge, {
        idempotencyKey: idempotencyKey(),
        orderId,
        paymentMethodId: 'pm_card_visa',
      }),
    );
    expect(noAmount.fields).toEqual(['amount']);
    expect(await rowsOfOrder(orderId)).toBe(0);
    expect(await intentsOfOrder(stripe, orderId)).toHaveLength(0);
    const badId = await failure(api.capture(charge, { idempotencyKey: idempotencyKey(), paymentId: 'x' }));
    expect(badId).toMatchObject({ code: status.INVALID_ARGUMENT, fields: ['payment_id'] });
  });

  it('needs the role, and another tenant sees nothing', async () => {
    const authorized = await authorize(randomUUID());
    const asShopper = await failure(
      api.createIntent(shopper, {
        idempotencyKey: idempotencyKey(),
        orderId: randomUUID(),
        amount: eur(100),
        paymentMethodId: 'pm_card_visa',
      }),
    );
    expect(asShopper.code).toBe(status.PERMISSION_DENIED);
    expect((await failure(api.get(otherCharge, authorized.paymentId))).code).toBe(status.NOT_FOUND);
    const mine = await api.get(admin, authorized.paymentId);
    expect(mine.paymentId).toBe(authorized.paymentId);
    const listed = await api.list(admin, { orderId: authorized.orderId });
    expect(listed.map((p) => p.paymentId)).toEqual([authorized.paymentId]);
    expect(await api.list(otherCharge, { orderId: authorized.orderId })).toEqual([]);
  });

  it('no payment method, card number or client secret reaches the logs or the spans', async () => {
    await authorize(randomUUID());
    const log = readFileSync(join(logDir, 'payments.log'), 'utf8');
    const traces = await eventually(
      async () => {
        const res = await fetch(
          `http://127.0.0.1:${ports.jaegerQuery}/api/traces?service=payments&limit=200`,
        );
        return res.ok ? await res.text() : '';
      },
      (text) => text.includes('PaymentsService/CreateIntent'),
      30_000,
      'payments spans in Jaeger',
    );
    for (const [where, text] of [
      ['payments.log', log],
      ['spans', traces],
    ] as const) {
      expect(text.length, where).toBeGreaterThan(0);
      expect(text, where).not.toMatch(
        /pm_card_|pm_[A-Za-z0-9]{14}|4000002500003155|_secret_|whsec_|sk_test_/,
      );
    }
  });
});
