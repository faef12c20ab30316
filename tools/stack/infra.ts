import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { toolBin, repoRoot } from '../paths.mjs';
import { ports } from './ports.js';
import { dataDir, dataRoot, devCredentials as cred, logDir } from './layout.js';
import { httpOk, redisPing, s3Answers, tcpOpen } from './probes.js';
import { kafkaProcess } from './kafka.js';
import { createKvTable, createMediaBucket } from './provision.js';
import { provisionAppDatabases } from './provision-postgres.js';
import { stripeEmulator } from './stripe-emulator.js';
import { infraScrapeTargets, observabilityProcesses, type ObservabilityOptions } from './observability.js';
import type { ScrapeTarget } from '../observability/prometheus-config.js';
import type { ProcessSpec } from './spec.js';
import type { Profile } from './dapr-resources.js';
import type { KafkaTopic } from './topics.js';

const pgBin = (name: string) => toolBin('postgres').replace(/postgres$/, name);

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` system user. */
function postgresUser(): ProcessSpec['user'] {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * The data folder of PostgreSQL. When we run it as the `postgres` user and that user cannot reach the
 * repository (a clone under /root, say), the cluster lives in /var/lib/shopstream/<hash> instead, linked
 * from <data>/postgres so that it is still found, shown and reset in one place.
 */
function postgresDataDir(user: ProcessSpec['user']): string {
  const dir = dataDir('postgres');
  if (!user) return dir;
  mkdirSync(dataRoot, { recursive: true });
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dataRoot], { stdio: 'ignore' });
    return dir;
  } catch {
    const external = join(
      '/var/lib/shopstream',
      createHash('sha256').update(dataRoot).digest('hex').slice(0, 12),
      'postgres',
    );
    mkdirSync(external, { recursive: true });
    if (!existsSync(dir)) symlinkSync(external, dir);
    return external;
  }
}

/** `databases`: the app databases (dapr/apps.yaml `database:`), each created with its own role once ready. */
function postgres(databases: readonly string[]): ProcessSpec {
  const user = postgresUser();
  const dir = postgresDataDir(user);
  return {
    name: 'postgres',
    kind: 'infra',
    command: toolBin('postgres'),
    args: [
      '-D',
      dir,
      '-p',
      String(ports.postgres),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'wal_level=logical', // logical decoding for the CDC path (Debezium, full profile)
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=128MB',
    ],
    ports: { sql: ports.postgres },
    ready: () => tcpOpen(ports.postgres).then((open) => open && pgReady()),
    readyTimeoutMs: 30_000,
    dependsOn: [],
    stopSignal: 'SIGINT',
    user,
    afterReady: () => provisionAppDatabases(databases),
    prepare: () => {
      if (existsSync(join(dir, 'PG_VERSION'))) return checkClusterVersion(dir);
      mkdirSync(dir, { recursive: true });
      const pwfile = join(mkdtempSync(join(tmpdir(), 'shopstream-pg-')), 'pwfile');
      writeFileSync(pwfile, cred.postgresPassword, { mode: 0o600 });
      if (user) {
        chownSync(dir, user.uid, user.gid);
        chownSync(dirname(pwfile), user.uid, user.gid);
        chownSync(pwfile, user.uid, user.gid);
      }
      execFileSync(
        pgBin('initdb'),
        [
          '-D',
          dir,
          '-U',
          cred.postgresUser,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '-E',
          'UTF8',
          '--locale=C.UTF-8',
        ],
        { stdio: 'ignore', ...(user ? { uid: user.uid, gid: user.gid } : {}) },
      );
      rmSync(dirname(pwfile), { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/**
 * A cluster made by another PostgreSQL major version cannot be opened by this one (and must not be
 * re-initialised: it holds every service's data). Say so in one sentence, with what to do.
 */
function checkClusterVersion(dir: string): Promise<void> {
  const cluster = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
  const binary = /\(PostgreSQL\) (\d+)/.exec(
    execFileSync(toolBin('postgres'), ['--version']).toString(),
  )?.[1];
  if (binary !== undefined && binary !== cluster)
    return Promise.reject(
      new Error(
        `the data folder's cluster (${dir}) was made by PostgreSQL ${cluster} and this machine runs PostgreSQL ${binary}: start it with PostgreSQL ${cluster} and move the data with pg_dumpall, or \`npm run reset\` to delete all local data`,
      ),
    );
  return Promise.resolve();
}

function pgReady(): Promise<boolean> {
  try {
    execFileSync(pgBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(ports.postgres), '-q'], {
      stdio: 'ignore',
    });
    return Promise.resolve(true);
  } catch {
    return Promise.resolve(false);
  }
}

const redis = (): ProcessSpec => ({
  name: 'redis',
  kind: 'infra',
  command: toolBin('redis-server'),
  args: [
    '--bind',
    '127.0.0.1',
    '--port',
    String(ports.redis),
    '--dir',
    dataDir('redis'),
    '--appendonly',
    'yes',
    '--save',
    '',
    '--protected-mode',
    'yes',
    '--daemonize',
    'no',
  ],
  ports: { resp: ports.redis },
  ready: () => redisPing(ports.redis),
  readyTimeoutMs: 10_000,
  dependsOn: [],
  prepare: () => Promise.resolve(void mkdirSync(dataDir('redis'), { recursive: true })),
});

const placement = (): ProcessSpec => ({
  name: 'dapr-placement',
  kind: 'infra',
  command: toolBin('placement'),
  args: [
    '--port',
    String(ports.placement),
    '--listen-address',
    '127.0.0.1',
    '--healthz-port',
    String(ports.placementHealth),
    '--healthz-listen-address',
    '127.0.0.1',
    '--metrics-port',
    String(ports.placementMetrics),
    '--metrics-listen-address',
    '127.0.0.1',
    '--id',
    'dapr-placement-0',
    '--initial-cluster',
    `dapr-placement-0=127.0.0.1:${ports.placementRaft}`,
    '--tls-enabled=false',
    '--log-as-json',
  ],
  ports: {
    grpc: ports.placement,
    health: ports.placementHealth,
    metrics: ports.placementMetrics,
    raft: ports.placementRaft,
  },
  ready: () => httpOk(`http://127.0.0.1:${ports.placementHealth}/healthz`),
  readyTimeoutMs: 20_000,
  dependsOn: [],
});

const scheduler = (): ProcessSpec => ({
  name: 'dapr-scheduler',
  kind: 'infra',
  command: toolBin('scheduler'),
  args: [
    '--port',
    String(ports.scheduler),
    '--listen-address',
    '127.0.0.1',
    '--healthz-port',
    String(ports.schedulerHealth),
    '--healthz-listen-address',
    '127.0.0.1',
    '--metrics-port',
    String(ports.schedulerMetrics),
    '--metrics-listen-address',
    '127.0.0.1',
    '--id',
    'dapr-scheduler-server-0',
    '--etcd-data-dir',
    dataDir('scheduler'),
    '--etcd-client-port',
    String(ports.schedulerEtcdClient),
    '--etcd-client-listen-address',
    '127.0.0.1',
    '--etcd-initial-cluster',
    `dapr-scheduler-server-0=http://127.0.0.1:${ports.schedulerEtcdPeer}`,
    '--override-broadcast-host-port',
    `127.0.0.1:${ports.scheduler}`,
    '--tls-enabled=false',
    '--mode',
    'standalone',
    '--log-as-json',
  ],
  ports: {
    grpc: ports.scheduler,
    health: ports.schedulerHealth,
    metrics: ports.schedulerMetrics,
    etcd: ports.schedulerEtcdClient,
    etcdPeer: ports.schedulerEtcdPeer,
  },
  ready: () => httpOk(`http://127.0.0.1:${ports.schedulerHealth}/healthz`),
  readyTimeoutMs: 30_000,
  dependsOn: [],
});

const temporal = (): ProcessSpec => ({
  name: 'temporal',
  kind: 'infra',
  command: toolBin('temporal'),
  args: [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--ui-ip',
    '127.0.0.1',
    '--port',
    String(ports.temporal),
    '--ui-port',
    String(ports.temporalUi),
    '--http-port',
    String(ports.temporalHttp),
    '--metrics-port',
    String(ports.temporalMetrics),
    '--db-filename',
    join(dataDir('temporal'), 'temporal.db'),
    '--log-level',
    'warn',
  ],
  ports: {
    grpc: ports.temporal,
    ui: ports.temporalUi,
    http: ports.temporalHttp,
    metrics: ports.temporalMetrics,
  },
  ready: () => httpOk(`http://127.0.0.1:${ports.temporalHttp}/api/v1/namespaces/default`),
  readyTimeoutMs: 60_000,
  dependsOn: [],
  prepare: () => Promise.resolve(void mkdirSync(dataDir('temporal'), { recursive: true })),
});

const jaeger = (): ProcessSpec => ({
  name: 'jaeger',
  kind: 'infra',
  command: toolBin('jaeger'),
  args: ['--config', join(repoRoot, 'tools', 'stack', 'config', 'jaeger.yaml')],
  env: {
    OTLP_GRPC_ENDPOINT: `127.0.0.1:${ports.otlpGrpc}`,
    OTLP_HTTP_ENDPOINT: `127.0.0.1:${ports.otlpHttp}`,
    JAEGER_QUERY_ENDPOINT: `127.0.0.1:${ports.jaegerQuery}`,
    JAEGER_QUERY_GRPC_ENDPOINT: `127.0.0.1:${ports.jaegerQueryGrpc}`,
    JAEGER_HEALTH_ENDPOINT: `127.0.0.1:${ports.jaegerHealth}`,
    JAEGER_METRICS_PORT: String(ports.jaegerMetrics),
  },
  ports: {
    otlpGrpc: ports.otlpGrpc,
    otlpHttp: ports.otlpHttp,
    query: ports.jaegerQuery,
    health: ports.jaegerHealth,
    metrics: ports.jaegerMetrics,
  },
  ready: () => httpOk(`http://127.0.0.1:${ports.jaegerQuery}/api/services`),
  readyTimeoutMs: 30_000,
  dependsOn: [],
});

const moto = (): ProcessSpec => ({
  name: 'moto',
  kind: 'infra',
  command: toolBin('moto_server'),
  args: ['-H', '127.0.0.1', '-p', String(ports.moto)],
  ports: { http: ports.moto },
  ready: () => httpOk(`http://127.0.0.1:${ports.moto}/moto-api/`),
  readyTimeoutMs: 30_000,
  dependsOn: [],
  afterReady: createKvTable,
});

const s3 = (): ProcessSpec => ({
  name: 'versitygw',
  kind: 'infra',
  command: toolBin('versitygw'),
  args: [
    '--port',
    `127.0.0.1:${ports.s3}`,
    '--access',
    cred.s3AccessKey,
    '--secret',
    cred.s3SecretKey,
    'posix',
    dataDir('s3'),
  ],
  ports: { s3: ports.s3 },
  ready: () => s3Answers(ports.s3),
  readyTimeoutMs: 15_000,
  dependsOn: [],
  prepare: () => Promise.resolve(void mkdirSync(dataDir('s3'), { recursive: true })),
  afterReady: createMediaBucket,
});

export interface InfraOptions {
  /** Databases (each with its own role) to create in Postgres before any app starts. */
  databases?: readonly string[];
  /** `full` adds Kafka (after Redis), which then creates `kafkaTopics`. */
  profile?: Profile;
  kafkaTopics?: KafkaTopic[];
  /** Where the Stripe emulator sends its signed webhooks (the payments app's HTTP side). */
  stripeWebhookUrls?: readonly string[];
  /** What Prometheus scrapes besides the servers (every app and sidecar), and how fast it reacts. */
  appScrapeTargets?: readonly ScrapeTarget[];
  observability?: ObservabilityOptions;
}

/** The infrastructure servers of a profile, in start order. */
export function infraProcesses({
  databases = [],
  profile = 'local',
  kafkaTopics = [],
  stripeWebhookUrls = [],
  appScrapeTargets = [],
  observability = {},
}: InfraOptions = {}): ProcessSpec[] {
  mkdirSync(logDir, { recursive: true });
  const broker = profile === 'full' ? [kafkaProcess(kafkaTopics)] : [];
  return [
    postgres(databases),
    redis(),
    ...broker,
    placement(),
    scheduler(),
    temporal(),
    jaeger(),
    ...observabilityProcesses([...infraScrapeTargets(), ...appScrapeTargets], observability),
    moto(),
    s3(),
    stripeEmulator(stripeWebhookUrls),
  ];
}
