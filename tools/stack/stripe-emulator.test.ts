import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';
import { appProcesses, readAppsFile } from './apps.js';
import { TEST_APPS_FILE } from './test-apps.js';
import { stripeWebhookUrls, STRIPE_WEBHOOK_APP, STRIPE_WEBHOOK_PATH } from './stripe-emulator.js';

describe('the Stripe emulator’s webhook endpoint', () => {
  it('is the payments app’s HTTP side, on the port its process is given (its port block, not its position)', () => {
    const apps = readAppsFile(join(repoRoot, 'dapr', 'apps.yaml'));
    const payments = appProcesses(apps, { resourcesPath: '/r', configPath: '/c' }).find(
      (p) => p.name === STRIPE_WEBHOOK_APP,
    );
    expect(stripeWebhookUrls(apps)).toEqual([
      `http://127.0.0.1:${payments?.env?.APP_HTTP_PORT}${STRIPE_WEBHOOK_PATH}`,
    ]);
  });

  it('is absent from a stack without the payments app', () => {
    expect(stripeWebhookUrls(readAppsFile(TEST_APPS_FILE))).toEqual([]);
  });
});
