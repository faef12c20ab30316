import { z } from 'zod';
import { baseConfigSchema } from '@shopstream/service-defaults';
import { serviceClientConfigSchema } from '@shopstream/service-defaults/service-tokens';
import { MIN_CART_TOKEN_SECRET_LENGTH } from '@shopstream/actor-cart';
import { parseDuration } from './domain/duration.js';

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 8s, 15m, 24h or 30d' });
    return z.NEVER;
  }
  return ms;
});

/** Signs anonymous cart tokens; both orders apps need the same value. */
const cartTokenSecret = z
  .string()
  .min(MIN_CART_TOKEN_SECRET_LENGTH, `must be at least ${MIN_CART_TOKEN_SECRET_LENGTH} characters`);

/** Temporal (the dev server locally): the supervisor gives every app its address and namespace. */
const temporal = {
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1, 'must name a Temporal namespace, e.g. default'),
};

const databaseUrl = z.url({ error: 'must be a postgres:// URL of the orders database' });

/**
 * Environment of the `orders` Dapr app (app protocol grpc: CartService, OrdersService). The supervisor
 * provides the base keys, DATABASE_URL (`database: orders`), the Temporal address and the DynamoDB address of
 * the `kvstore` table (SHOPSTREAM_*, the same the sidecars' components read); CART_TOKEN_SECRET comes from
 * dapr/apps.yaml `env`.
 */
export const ordersConfigSchema = baseConfigSchema.extend({
  CART_TOKEN_SECRET: cartTokenSecret,
  ...serviceClientConfigSchema.shape,
  DATABASE_URL: databaseUrl,
  ...temporal,
  /** How long a checkout waits for a payment that needs customer action (3-D Secure) before it compensates. */
  CHECKOUT_AUTHORIZATION_TIMEOUT: duration.default(10 * 60 * 1000),
  /** How long an idempotency key is remembered (default 24 h); an expired key is absent. */
  IDEMPOTENCY_TTL: duration.default(24 * 60 * 60 * 1000),
  /** The PENDING-order sweeper's Dapr job schedule (adr/0027), e.g. `@every 10s`. */
  ORDERS_PENDING_SWEEP_SCHEDULE: z
    .string()
    .regex(/^@every \d+[smh]$/, 'must be "@every <n>s|m|h"')
    .default('@every 10s'),
  /** A PENDING order younger than this is not swept (its CreateOrder may still be starting the saga). */
  ORDERS_PENDING_SWEEP_AFTER: duration.default(30 * 1000),
  /** A PENDING order older than this without a saga is FAILED instead of started. */
  ORDERS_PENDING_FAIL_AFTER: duration.default(15 * 60 * 1000),
  /** The DynamoDB table of the `kvstore` component (idempotency records live beside its items, adr/0046). */
  SHOPSTREAM_KV_TABLE: z.string().min(3, 'must be a DynamoDB table name'),
  /** A DynamoDB API endpoint (moto locally); unset: the AWS endpoint of the region. */
  SHOPSTREAM_DYNAMODB_ENDPOINT: z.url({ error: 'must be a URL such as http://127.0.0.1:18500' }).optional(),
  SHOPSTREAM_AWS_REGION: z.string().min(1, 'must be an AWS region such as us-east-1'),
  /** Unset: the AWS SDK's default credential chain (an IAM role in a cluster). */
  SHOPSTREAM_AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  SHOPSTREAM_AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

/**
 * Environment of the `orders-worker` Dapr app (the checkout saga's Temporal worker; app protocol http, no
 * routes of its own): the orders database, Temporal, and this service's client credentials for identity.
 */
export const ordersWorkerConfigSchema = baseConfigSchema.extend({
  ...serviceClientConfigSchema.shape,
  DATABASE_URL: databaseUrl,
  ...temporal,
});

export type OrdersWorkerConfig = z.infer<typeof ordersWorkerConfigSchema>;

const tenantExpiries = z.string().transform((text, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = z.record(z.string(), duration).safeParse(parsed);
  if (!result.success) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object {"<tenant>": "<duration>"}' });
    return z.NEVER;
  }
  return result.data;
});

/**
 * Environment of the `orders-cart` Dapr app (app protocol http: hosts CartActor). CART_EXPIRY: how long a
 * cart nobody changes lives (default 30 days); CART_EXPIRY_BY_TENANT: per-shop exceptions as JSON (the test
 * stack gives one test tenant seconds).
 */
export const cartHostConfigSchema = baseConfigSchema.extend({
  CART_TOKEN_SECRET: cartTokenSecret,
  CART_EXPIRY: duration.default(30 * 24 * 60 * 60 * 1000),
  CART_EXPIRY_BY_TENANT: tenantExpiries.default({}),
});

export type CartHostConfig = z.infer<typeof cartHostConfigSchema>;
