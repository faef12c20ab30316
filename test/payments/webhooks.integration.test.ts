import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentStatus, type Payment } from '@shopstream/proto/payments/v1/payment.js';
import { idempotencyKey } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';
import {
  emulator,
  inTenant,
  paymentEventsOf,
  paymentsApi,
  paymentsDatabasePool,
  postWebhook,
  signatureFor,
  type PaymentsApi,
} from '@shopstream/testing/payments';
import { eventually } from '@shopstream/testing/stack';
import { stackControl } from '../../tools/stack/control.js';

/**
 * The Stripe webhook endpoint of the payments app (its HTTP side), called by the real emulator and by this
 * test with events it signs itself: a verified event moves the payment once, whatever the number of
 * deliveries; a forged, stale or oversized one is refused with problem+json and changes nothing.
 */
describe('Stripe webhooks', () => {
  let identity: Pool;
  let db: Pool;
  let api: PaymentsApi;
  let stripe: Stripe;
  let tenant = '';
  let charge = '';

  beforeAll(async () => {
    identity = identityDatabasePool('payments-webhook-test');
    db = paymentsDatabasePool('payments-webhook-test');
    api = paymentsApi();
    stripe = emulator();
    tenant = await createTestTenant(identity, 'payhook');
    [charge] = (await signedInTokens(identity, tenant, [{ roles: ['payments.charge'] }])) as [string];
  });

  afterAll(async () => {
    api?.close();
    await identity?.end();
    await db?.end();
  });

  const authorized = () =>
    api.createIntent(charge, {
      idempotencyKey: idempotencyKey(),
      orderId: randomUUID(),
      amount: { currencyCode: 'EUR', amountMinor: '1500' },
      paymentMethodId: 'pm_card_visa',
    });

  /** A `payment_intent.succeeded` event as Stripe sends it, for an intent captured at Stripe (not by us). */
  async function succeededEvent(payment: Payment): Promise<string> {
    const intent = await stripe.paymentIntents.capture(payment.stripePaymentIntentId);
    return JSON.stringify({
      id: `evt_test${randomBytes(8).toString('hex')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: intent },
    });
  }

  const inboxOf = (paymentId: string) =>
    inTenant(
      db,
      tenant,
      async (c) =>
        (
          await c.query<{ outcome: string }>('SELECT outcome FROM webhook_inbox WHERE payment_id = $1', [
            paymentId,
          ])
        ).rows,
    );

  it("the emulator's signed webhook captures a payment that Stripe captured", async () => {
    const payment = await authorized();
    await stripe.paymentIntents.capture(payment.stripePaymentIntentId);
    const captured = await eventually(
      () => api.get(charge, payment.paymentId),
      (p) => p.status === PaymentStatus.PAYMENT_STATUS_CAPTURED,
      15_000,
      'the payment captured by the emulator webhook',
    );
    expect(captured.version).toBe('2');
    expect(await inboxOf(payment.paymentId)).toEqual([{ outcome: 'applied' }]);
    expect((await paymentEventsOf(db, payment.paymentId)).map((e) => [e.status, e.cause])).toEqual([
      ['authorized', 'api'],
      ['captured', 'webhook'],
    ]);
  });

  it('one event delivered ten times (concurrently) has one effect', async () => {
    const payment = await authorized();
    const body = await succeededEvent(payment);
    const header = signatureFor(body);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => postWebhook(body, { 'stripe-signature': header })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const outcomes = answers.map((a) => a.body?.outcome);
    // The emulator's own delivery of the capture may come first; then all ten are duplicates of nothing new.
    expect(outcomes.filter((o) => o === 'applied').length).toBeLessThanOrEqual(1);
    expect(outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThanOrEqual(9);
    const after = await api.get(charge, payment.paymentId);
    expect(after).toMatchObject({ status: PaymentStatus.PAYMENT_STATUS_CAPTURED, version: '2' });
    expect((await paymentEventsOf(db, payment.paymentId)).map((e) => e.status)).toEqual([
      'authorized',
      'captured',
    ]);
  });

  it('a forged, stale, unsigned or oversized event is refused and changes nothing', async () => {
    const payment = await authorized();
    const body = JSON.stringify({
      id: `evt_forged${randomBytes(6).toString('hex')}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: {
        object: {
          ...(await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId)),
          status: 'succeeded',
        },
      },
    });
    const forged = await postWebhook(body, {
      'stripe-signature': signatureFor(body, { secret: 'whsec_not_ours_123' }),
    });
    expect(forged).toMatchObject({
      status: 401,
      type: 'application/problem+json',
      body: { code: 'Payments.WebhookSignatureInvalid' },
    });
    const stale = await postWebhook(body, {
      'stripe-signature': signatureFor(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
    });
    expect(stale).toMatchObject({ status: 401, body: { code: 'Payments.WebhookStale' } });
    const unsigned = await postWebhook(body, {});
    expect(unsigned).toMatchObject({ status: 401, body: { code: 'Payments.WebhookSignatureInvalid' } });
    const tampered = await postWebhook(body.replace('1500', '1'), { 'stripe-signature': signatureFor(body) });
    expect(tampered.status).toBe(401);
    const huge = 'x'.repeat(70 * 1024);
    const oversized = await postWebhook(JSON.stringify({ id: 'evt_big', pad: huge }), {
      'stripe-signature': signatureFor(huge),
    });
    expect(oversized).toMatchObject({ status: 413, body: { code: 'Payments.WebhookTooLarge' } });

    expect(await api.get(charge, payment.paymentId)).toMatchObject({
      status: PaymentStatus.PAYMENT_STATUS_AUTHORIZED,
      version: '1',
    });
    expect(await inboxOf(payment.paymentId)).toEqual([]);
    expect((await paymentEventsOf(db, payment.paymentId)).map((e) => e.status)).toEqual(['authorized']);
  });

  it('an out-of-order event (authorized after captured) is recorded and moves nothing back', async () => {
    const payment = await authorized();
    const intentBefore = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId);
    await api.capture(charge, { idempotencyKey: idempotencyKey(), paymentId: payment.paymentId });
    const late = JSON.stringify({
      id: `evt_late${randomBytes(6).toString('hex')}`,
      object: 'event',
      type: 'payment_intent.amount_capturable_updated',
      data: { object: intentBefore },
    });
    const answer = await postWebhook(late, { 'stripe-signature': signatureFor(late) });
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'unchanged' } });
    expect(await api.get(charge, payment.paymentId)).toMatchObject({
      status: PaymentStatus.PAYMENT_STATUS_CAPTURED,
    });
  });

  it('a change Stripe sent no webhook for is healed by the reconciler within a minute, once', async () => {
    const payment = await authorized();
    // Canceled at Stripe directly: the emulator sends no webhook for a cancel (a "dropped" webhook).
    await stripe.paymentIntents.cancel(payment.stripePaymentIntentId);
    const started = Date.now();
    const healed = await eventually(
      () => api.get(charge, payment.paymentId),
      (p) => p.status === PaymentStatus.PAYMENT_STATUS_CANCELED,
      60_000,
      'the reconciler to heal the missed cancel',
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(healed.version).toBe('2');
    // Later passes find nothing to do: still one change, one event.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect((await api.get(charge, payment.paymentId)).version).toBe('2');
    expect((await paymentEventsOf(db, payment.paymentId)).map((e) => [e.status, e.cause])).toEqual([
      ['authorized', 'api'],
      ['canceled', 'reconciler'],
    ]);
    expect(await inboxOf(payment.paymentId)).toEqual([]);
  });

  it('the emulator keeps its intents and its webhook endpoint across a restart', async () => {
    const before = await authorized();
    await stackControl.restart(['stripe-emulator']);
    expect((await stripe.paymentIntents.retrieve(before.stripePaymentIntentId)).status).toBe(
      'requires_capture',
    );
    // The endpoint was registered again at start: Stripe's capture still reaches us as a signed webhook.
    await stripe.paymentIntents.capture(before.stripePaymentIntentId);
    await eventually(
      () => api.get(charge, before.paymentId),
      (p) => p.status === PaymentStatus.PAYMENT_STATUS_CAPTURED,
      15_000,
      'the webhook after the emulator restarted',
    );
    expect(await inboxOf(before.paymentId)).toEqual([{ outcome: 'applied' }]);
  });
});
