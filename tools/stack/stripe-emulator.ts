import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, toolBin } from '../paths.mjs';
import { appPorts, ports } from './ports.js';
import { dataDir, devCredentials as cred } from './layout.js';
import type { AppDefinition } from './apps.js';
import type { ProcessSpec } from './spec.js';

/** The app that receives the emulator's webhooks, and the path of its endpoint (services/payments). */
export const STRIPE_WEBHOOK_APP = 'payments';
export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';

/** The base URL of the Stripe API the apps call (the emulator here; api.stripe.com with a real test key). */
export const stripeApiUrl = () => `http://127.0.0.1:${ports.stripe}`;

/** Webhook endpoints of the apps in this stack: the payments app's HTTP side, when it is in the app list. */
export function stripeWebhookUrls(apps: readonly AppDefinition[]): string[] {
  const app = apps.find((a) => a.appID === STRIPE_WEBHOOK_APP);
  if (app === undefined) return [];
  return [`http://127.0.0.1:${appPorts(app.portBlock).appHttp}${STRIPE_WEBHOOK_PATH}`];
}

/** An authenticated read, so "ready" means the API answers, not just that a socket is open. */
async function apiAnswers(): Promise<boolean> {
  try {
    const res = await fetch(`${stripeApiUrl()}/v1/payment_intents?limit=1`, {
      headers: { authorization: `Bearer ${cred.stripeSecretKey}` },
      signal: AbortSignal.timeout(1000),
    });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * localstripe (PyPI, pinned with hashes; adr/0040) through our launcher tools/python/localstripe_server.py:
 * 127.0.0.1 only, its store in <data>/stripe, the payments webhook registered at start (localstripe keeps
 * webhook endpoints only in memory, so a restart by the supervisor registers them again).
 */
export function stripeEmulator(webhookUrls: readonly string[]): ProcessSpec {
  const dir = dataDir('stripe');
  return {
    name: 'stripe-emulator',
    kind: 'infra',
    command: join(dirname(toolBin('localstripe')), 'python'),
    args: [
      join(repoRoot, 'tools', 'python', 'localstripe_server.py'),
      '--port',
      String(ports.stripe),
      '--store',
      join(dir, 'store.pickle'),
      ...webhookUrls.flatMap((url, i) => ['--webhook', `${STRIPE_WEBHOOK_APP}-${i}=${url}`]),
    ],
    env: { LOCALSTRIPE_WEBHOOK_SECRET: cred.stripeWebhookSecret, PYTHONUNBUFFERED: '1' },
    ports: { http: ports.stripe },
    ready: apiAnswers,
    readyTimeoutMs: 20_000,
    dependsOn: [],
    prepare: () => Promise.resolve(void mkdirSync(dir, { recursive: true })),
  };
}
