import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';

/**
 * All runtime state of the local stack lives under one git-ignored data folder (SHOPSTREAM_DATA, default
 * <repo>/.data): one subfolder per server, logs in <data>/logs/<process>.log, the supervisor's state file in
 * <data>/run/stack.json. `npm run reset` deletes it.
 */
export const dataRoot = process.env.SHOPSTREAM_DATA ?? join(repoRoot, '.data');
export const logDir = join(dataRoot, 'logs');
export const runDir = join(dataRoot, 'run');
export const stateFile = join(runDir, 'stack.json');
export const dataDir = (name: string) => join(dataRoot, name);

/** Local development credentials (loopback only; never used outside the laptop stack). */
export const devCredentials = {
  postgresUser: 'shopstream',
  postgresPassword: 'shopstream-dev',
  s3AccessKey: 'shopstream',
  s3SecretKey: 'shopstream-dev-secret',
  awsRegion: 'us-east-1',
  /** Token daprd requires from apps (DAPR_API_TOKEN) and sends to apps (APP_API_TOKEN). */
  daprApiToken: 'shopstream-dev-dapr-token',
  appApiToken: 'shopstream-dev-app-token',
  /** The Stripe emulator accepts any `sk_test_…` key; its webhooks are signed with this secret (adr/0040). */
  stripeSecretKey: 'sk_test_shopstream_local',
  stripeWebhookSecret: 'whsec_shopstream_local_dev',
} as const;

export const kvTable = 'shopstream-kv';
/** The S3 bucket of product images (catalog's media keys `<tenant>/products/...`; the web app serves it). */
export const mediaBucket = 'catalog-media';
