import { credentials } from '@grpc/grpc-js';
import type { Pool, PoolClient } from 'pg';
import Stripe from 'stripe';
import { daprGrpcChannelMetadata } from '@shopstream/service-defaults';
import { createPgPool, withTenant } from '@shopstream/service-defaults/postgres';
import { silentLogger } from './database.js';
import {
  CancelRequest,
  CaptureRequest,
  CreateIntentRequest,
  GetPaymentRequest,
  ListPaymentsRequest,
  PaymentsServiceClient,
  RefundRequest,
} from '@shopstream/proto/payments/v1/payments_service.js';
import type { Payment } from '@shopstream/proto/payments/v1/payment.js';
import { devCredentials } from '../../../tools/stack/layout.js';
import { appDatabaseUrl } from '../../../tools/stack/provision-postgres.js';
import { STRIPE_WEBHOOK_PATH, stripeApiUrl } from '../../../tools/stack/stripe-emulator.js';
import { daprApiToken, portsOf } from './stack.js';
import { unaryCaller } from './unary-caller.js';

/** What every PaymentsService method answers: one payment, or a page of them. */
type Answer = { payment?: Payment; payments?: Payment[] };

/**
 * The `payments` app through Dapr gRPC proxying, as the orders saga or the back office would call it: a
 * grpc-js client on skeleton-caller's sidecar with `dapr-app-id: payments` and a bearer token.
 */
export function paymentsApi(fromApp = 'skeleton-caller') {
  const client = new PaymentsServiceClient(
    `127.0.0.1:${portsOf(fromApp).daprGrpc}`,
    credentials.createInsecure(),
  );
  const call = unaryCaller<PaymentsServiceClient, { readonly token: string; readonly deadlineMs?: number }>(
    client,
    ({ token }) => {
      const md = daprGrpcChannelMetadata('payments', daprApiToken);
      md.set('authorization', `Bearer ${token}`);
      return md;
    },
  );
  const payment = async (p: Promise<Answer>) => {
    const result = (await p).payment;
    if (result === undefined) throw new Error('the answer has no payment');
    return result;
  };
  const createIntent = call<CreateIntentRequest, Answer>(CreateIntentRequest, 'createIntent');
  const capture = call<CaptureRequest, Answer>(CaptureRequest, 'capture');
  const cancel = call<CancelRequest, Answer>(CancelRequest, 'cancel');
  const refund = call<RefundRequest, Answer>(RefundRequest, 'refund');
  const get = call<GetPaymentRequest, Answer>(GetPaymentRequest, 'getPayment');
  const list = call<ListPaymentsRequest, Answer>(ListPaymentsRequest, 'listPayments');
  return {
    createIntent: (token: string, r: Partial<CreateIntentRequest>) => payment(createIntent(r, { token })),
    capture: (token: string, r: Partial<CaptureRequest>) => payment(capture(r, { token })),
    cancel: (token: string, r: Partial<CancelRequest>) => payment(cancel(r, { token })),
    refund: (token: string, r: Partial<RefundRequest>) => payment(refund(r, { token })),
    get: (token: string, paymentId: string) => payment(get({ paymentId }, { token })),
    list: async (token: string, r: Partial<ListPaymentsRequest>) => (await list(r, { token })).payments ?? [],
    close: () => client.close(),
  };
}

export type PaymentsApi = ReturnType<typeof paymentsApi>;

/** The stack's Stripe emulator through the stripe SDK (what the payments app itself uses). */
export function emulator(): Stripe {
  const url = new URL(stripeApiUrl());
  return new Stripe(devCredentials.stripeSecretKey, {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    telemetry: false,
  });
}

/** The emulator's PaymentIntents of one order (by the metadata the payments app sets). */
export async function intentsOfOrder(stripe: Stripe, orderId: string): Promise<Stripe.PaymentIntent[]> {
  const all = await stripe.paymentIntents.list({ limit: 100 });
  return all.data.filter((pi) => pi.metadata.order_id === orderId);
}

/** A pool on the `payments` database as its own role (RLS applies: read through `inTenant`). */
export function paymentsDatabasePool(applicationName: string): Pool {
  return createPgPool({
    connectionString: appDatabaseUrl('payments'),
    applicationName,
    logger: silentLogger,
    max: 2,
  });
}

export const inTenant = <T>(pool: Pool, tenantId: string, work: (c: PoolClient) => Promise<T>) =>
  withTenant(pool, tenantId, work);

/** The payment.events outbox rows of one payment: status, cause, version, published?, in commit order. */
export async function paymentEventsOf(pool: Pool, paymentId: string) {
  const { rows } = await pool.query<{ status: string; cause: string; version: string; published: boolean }>(
    `SELECT payload->'data'->>'status' AS status, payload->'data'->>'cause' AS cause,
            payload->'data'->>'version' AS version, published_at IS NOT NULL AS published
     FROM outbox WHERE topic = 'payment.events' AND subject = $1 ORDER BY seq`,
    [paymentId],
  );
  return rows;
}

/** POSTs a body to the payments app's webhook endpoint, as Stripe (or an attacker) would. */
export async function postWebhook(body: string, headers: Record<string, string>) {
  const res = await fetch(`http://127.0.0.1:${portsOf('payments').appHttp}${STRIPE_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null,
  };
}

/** A `Stripe-Signature` header for `payload`, signed with `secret` (default: the stack's) at `timestamp`. */
export function signatureFor(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return emulator().webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? devCredentials.stripeWebhookSecret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}
