import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { repoRoot, toolBin } from '../paths.mjs';
import { appPorts, MAX_PORT_BLOCK, ports } from './ports.js';
import { dataDir, devCredentials as cred, kvTable, mediaBucket } from './layout.js';
import { httpOk } from './probes.js';
import { appDatabaseUrl, databaseNameProblem } from './provision-postgres.js';
import { appsMode, compileApps, compiledCommand, type AppsMode } from './compile-apps.js';
import { StackError } from './supervisor.js';
import { stripeApiUrl } from './stripe-emulator.js';
import type { ProcessSpec } from './spec.js';

/**
 * The app list has the shape of Dapr's multi-app run template (appID, appDirPath, appProtocol, command), so it
 * reads like `dapr run -f`; our supervisor runs it because the Dapr CLI is not on the Go module proxy
 * (adr/0005). Ports: each app has a port block (`portBlock: n` → the ten ports from appBase + 10·n, see
 * tools/stack/ports.ts); an app that declares none takes the block after the app above it, so appending an
 * app to a file never moves another app's ports. Two apps on one block fail the start (adr/0032).
 */
const appsFileSchema = z.object({
  version: z.literal(1),
  apps: z.array(
    z.object({
      appID: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case kebab-case'),
      appDirPath: z.string(),
      appProtocol: z.enum(['http', 'grpc']),
      command: z.array(z.string()).min(1),
      env: z.record(z.string(), z.string()).optional(),
      /** The app's port block (0–99); default: the block after the previous app's in the same file. */
      portBlock: z.number().int().min(0).max(MAX_PORT_BLOCK).optional(),
      /** The app's own Postgres database and role (created by the supervisor, passed as DATABASE_URL). */
      database: z
        .string()
        .superRefine((name, ctx) => {
          const problem = databaseNameProblem(name);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      /** Apps of the same stack that must be ready before this one starts (the others start in parallel). */
      after: z.array(z.string()).optional(),
      /** `false`: run the TypeScript through tsx even under `npm start` (adr/0062; default: bundled). */
      compiled: z.boolean().optional(),
    }),
  ),
});

type AppEntry = z.infer<typeof appsFileSchema>['apps'][number];

/** An app of an apps file, its port block resolved; `source` names the file (for error messages). */
export type AppDefinition = AppEntry & { readonly portBlock: number; readonly source: string };

export function readAppsFile(path: string): AppDefinition[] {
  const rel = relative(repoRoot, path);
  const parsed = appsFileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackError(`${rel}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  let previous: number | undefined;
  return parsed.data.apps.map((app) => {
    const portBlock = app.portBlock ?? (previous === undefined ? undefined : previous + 1);
    if (portBlock === undefined || portBlock > MAX_PORT_BLOCK)
      throw new StackError(
        `${rel}: ${app.appID}: declare \`portBlock:\` (the first app of a file has no block above it to follow)`,
      );
    previous = portBlock;
    return { ...app, portBlock, source: rel };
  });
}

/** Fails loudly when two apps (of any of the files) would listen on the same port block. */
export function checkPortBlocks(apps: readonly AppDefinition[]): void {
  const owner = new Map<number, AppDefinition>();
  for (const app of apps) {
    const other = owner.get(app.portBlock);
    if (other !== undefined)
      throw new StackError(
        `port block ${app.portBlock} (ports ${appPorts(app.portBlock).app}–${appPorts(app.portBlock).app + 9}) is claimed by ` +
          `${other.appID} (${other.source}) and ${app.appID} (${app.source}): give one of them another \`portBlock:\``,
      );
    owner.set(app.portBlock, app);
  }
}

/** Addresses of the infrastructure, given to every app and sidecar (components read them with envRef). */
export function infraEnv(): Record<string, string> {
  return {
    SHOPSTREAM_REDIS_HOST: `127.0.0.1:${ports.redis}`,
    // Kafka listens only in the full profile; components/full/pubsub.yaml reads this.
    SHOPSTREAM_KAFKA_BROKERS: `127.0.0.1:${ports.kafka}`,
    SHOPSTREAM_KV_TABLE: kvTable,
    SHOPSTREAM_DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.moto}`,
    SHOPSTREAM_AWS_REGION: cred.awsRegion,
    SHOPSTREAM_AWS_ACCESS_KEY_ID: 'local',
    SHOPSTREAM_AWS_SECRET_ACCESS_KEY: 'local',
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    POSTGRES_URL: `postgres://${cred.postgresUser}:${cred.postgresPassword}@127.0.0.1:${ports.postgres}/postgres`,
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_NAMESPACE: 'default',
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
    // versitygw's root account (the web app reads product images with it: /media/<key>).
    S3_REGION: cred.awsRegion,
    S3_ACCESS_KEY_ID: cred.s3AccessKey,
    S3_SECRET_ACCESS_KEY: cred.s3SecretKey,
    WEB_MEDIA_BUCKET: mediaBucket,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${ports.otlpHttp}`,
    // The Stripe emulator (adr/0040) and its loopback-only development key and webhook secret.
    STRIPE_API_URL: stripeApiUrl(),
    STRIPE_SECRET_KEY: cred.stripeSecretKey,
    STRIPE_WEBHOOK_SECRET: cred.stripeWebhookSecret,
  };
}

/**
 * The sidecars' request and response size limit (daprd `--max-body-size`, set deliberately; adr/0067). Dapr's
 * default is 4 MiB, and a body over it is cut off by the CALLER's sidecar with a 500 (`ERR_DIRECT_INVOKE …
 * stream too large`) before the app could answer. The apps' own limits are far lower (identity's routes and
 * the Dapr HTTP apps 1 MiB, payments' webhooks 64 KiB, the web edge 1 MiB), so with 8 MiB here the APP is
 * the one that refuses an oversized body, with 413 problem+json; only an API-token holder can send more
 * than 8 MiB to a sidecar, and it still gets Dapr's 500. Responses are bounded by the same value.
 */
export const SIDECAR_MAX_BODY_SIZE = '8Mi';

export interface DaprFiles {
  resourcesPath: string;
  configPath: string;
}

/** Fails loudly when an app waits for (`after:`) an app that is not in the stack. */
export function checkAfter(apps: readonly AppDefinition[]): void {
  const ids = new Set(apps.map((app) => app.appID));
  for (const app of apps)
    for (const dep of app.after ?? [])
      if (!ids.has(dep) || dep === app.appID)
        throw new StackError(
          `${app.source}: ${app.appID}: \`after: ${dep}\` names no other app of the stack`,
        );
}

/**
 * One Dapr app = its Node process and its daprd sidecar, both supervised. In `compiled` mode (the default,
 * adr/0062) an app in the source command form runs its esbuild bundle, rebuilt just before it starts.
 */
export function appProcesses(
  apps: AppDefinition[],
  dapr: DaprFiles,
  mode: AppsMode = appsMode(),
): ProcessSpec[] {
  checkPortBlocks(apps);
  checkAfter(apps);
  return apps.flatMap((app) => {
    const p = appPorts(app.portBlock);
    const tokens = { DAPR_API_TOKEN: cred.daprApiToken, APP_API_TOKEN: cred.appApiToken };
    const compiled =
      mode === 'compiled' &&
      app.compiled !== false &&
      compiledCommand(app).join(' ') !== app.command.join(' ');
    const [command, ...args] = (compiled ? compiledCommand(app) : app.command) as [string, ...string[]];
    const appSpec: ProcessSpec = {
      name: app.appID,
      kind: 'app',
      command,
      args,
      cwd: join(repoRoot, app.appDirPath),
      env: {
        ...infraEnv(),
        ...tokens,
        NODE_ENV: 'development',
        SERVICE_NAME: app.appID,
        APP_PORT: String(p.app),
        APP_PROTOCOL: app.appProtocol,
        HEALTH_PORT: String(p.appHealth),
        APP_HTTP_PORT: String(p.appHttp),
        METRICS_PORT: String(p.appMetrics),
        DAPR_HTTP_PORT: String(p.daprHttp),
        DAPR_GRPC_PORT: String(p.daprGrpc),
        LOG_LEVEL: 'info',
        ...(app.database === undefined ? {} : { DATABASE_URL: appDatabaseUrl(app.database) }),
        PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        ...app.env,
      },
      ports: { app: p.app, health: p.appHealth, metrics: p.appMetrics },
      ready: () => httpOk(`http://127.0.0.1:${p.appHealth}/healthz`),
      // Usually 2–15 s (a Temporal worker bundles its workflows); on a shared 2-core machine
      // under load it has taken over 30 s. Only a failing start waits this long.
      readyTimeoutMs: 90_000,
      dependsOn: [...(app.after ?? [])],
      ...(compiled ? { prepare: async () => void (await compileApps([app])) } : {}),
    };
    const sidecar: ProcessSpec = {
      name: `${app.appID}-dapr`,
      kind: 'sidecar',
      command: toolBin('daprd'),
      args: [
        '--app-id',
        app.appID,
        '--app-port',
        String(p.app),
        '--app-protocol',
        app.appProtocol,
        '--app-channel-address',
        '127.0.0.1',
        '--dapr-listen-addresses',
        '127.0.0.1',
        '--dapr-http-port',
        String(p.daprHttp),
        '--dapr-grpc-port',
        String(p.daprGrpc),
        '--dapr-internal-grpc-port',
        String(p.daprInternalGrpc),
        '--dapr-internal-grpc-listen-address',
        '127.0.0.1',
        '--metrics-port',
        String(p.daprMetrics),
        '--metrics-listen-address',
        '127.0.0.1',
        '--placement-host-address',
        `127.0.0.1:${ports.placement}`,
        '--scheduler-host-address',
        `127.0.0.1:${ports.scheduler}`,
        '--resources-path',
        dapr.resourcesPath,
        '--config',
        dapr.configPath,
        '--dapr-graceful-shutdown-seconds',
        '3',
        '--max-body-size',
        SIDECAR_MAX_BODY_SIZE,
        '--log-as-json',
      ],
      env: { ...infraEnv(), ...tokens },
      ports: { http: p.daprHttp, grpc: p.daprGrpc, internalGrpc: p.daprInternalGrpc, metrics: p.daprMetrics },
      ready: () => httpOk(`http://127.0.0.1:${p.daprHttp}/v1.0/healthz`),
      // It starts together with its app (adr/0063) and becomes ready once the app listens and it has loaded
      // its components: the app's limit plus its own 30 s.
      readyTimeoutMs: appSpec.readyTimeoutMs + 30_000,
      dependsOn: [],
      alongside: app.appID,
    };
    return [appSpec, sidecar];
  });
}

export const daprConfigVars = (): Record<string, string> => ({
  DAPR_NAMERESOLUTION_DB: join(dataDir('run'), 'nameresolution.db'),
  OTLP_HTTP_ENDPOINT: `127.0.0.1:${ports.otlpHttp}`,
});
