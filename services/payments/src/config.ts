import { z } from 'zod';
import { baseConfigSchema } from '@shopstream/service-defaults';

/**
 * Environment of the `payments` Dapr app (app protocol grpc). The supervisor provides every key: the base
 * keys, APP_HTTP_PORT (the webhook listener), DATABASE_URL (`database: payments` in dapr/apps.yaml), the
 * STRIPE_* keys (the emulator's address and development secrets, tools/stack/stripe-emulator.ts) and
 * STRIPE_WEBHOOK_TOLERANCE_SECONDS and the PAYMENTS_RECONCILE_* keys (dapr/apps.yaml `env`).
 */
export const paymentsConfigSchema = baseConfigSchema.extend({
  APP_HTTP_PORT: z.coerce.number().int().min(1).max(65535, 'must be a TCP port number'),
  DATABASE_URL: z.url({ error: 'must be a postgres:// URL of the payments database' }),
  STRIPE_API_URL: z.url({
    error: 'must be the Stripe API base URL (https://api.stripe.com or the emulator)',
  }),
  STRIPE_SECRET_KEY: z.string().regex(/^sk_test_\w+$/, 'must be a Stripe test-mode secret key (sk_test_...)'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w{8,}$/, 'must be a webhook signing secret (whsec_...)'),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600, 'must be 1-3600 seconds'),
  /** How long after its last change an open payment is compared with Stripe (the webhook's grace). */
  PAYMENTS_RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600, 'must be 1-3600 seconds'),
  /** The reconciler's Dapr job schedule, e.g. `@every 10s`. */
  PAYMENTS_RECONCILE_SCHEDULE: z.string().regex(/^@every \d+[smh]$/, 'must be "@every <n>s|m|h"'),
});

export type PaymentsConfig = z.infer<typeof paymentsConfigSchema>;
