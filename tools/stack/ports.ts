/**
 * Every port the local stack listens on, in one place. Defaults sit in the 18xxx/19xxx range, away from the
 * well-known ports a developer's own Postgres (5432), Redis (6379), Dapr (3500/50001) or Jaeger (16686) use.
 * Override any of them with SHOPSTREAM_PORT_<NAME> (e.g. SHOPSTREAM_PORT_POSTGRES=28432), or move every default
 * by the same amount with SHOPSTREAM_PORT_SHIFT (a multiple of 2000, e.g. 2000 → Postgres 20432, apps from
 * 21000), so a second checkout can run its own stack beside the first. Everything binds to 127.0.0.1.
 */
const defaults = {
  postgres: 18432,
  redis: 18379,
  /** Kafka (full profile only): the broker listener and the KRaft controller listener. */
  kafka: 18092,
  kafkaController: 18093,
  placement: 18050,
  placementHealth: 18051,
  placementMetrics: 18052,
  placementRaft: 18053,
  scheduler: 18060,
  schedulerHealth: 18061,
  schedulerMetrics: 18062,
  schedulerEtcdClient: 18063,
  schedulerEtcdPeer: 18064,
  temporal: 18233,
  temporalUi: 18234,
  temporalMetrics: 18235,
  temporalHttp: 18236,
  otlpGrpc: 18317,
  otlpHttp: 18318,
  jaegerQuery: 18686,
  jaegerQueryGrpc: 18685,
  jaegerHealth: 18133,
  jaegerMetrics: 18888,
  /** Prometheus, Alertmanager and the stack's alert receiver (adr/0070). */
  prometheus: 18090,
  alertmanager: 18095,
  alertSink: 18096,
  moto: 18500,
  /** The Stripe API emulator (localstripe, adr/0040). */
  stripe: 18420,
  s3: 18700,
  control: 18999,
  /** Tilt's web UI and API (`npm run tilt`, tools/stack/tilt-cli.ts). */
  tilt: 18350,
  /** First port of the app blocks: the app of block n uses appBase + 10 * n + offset (see appPorts). */
  appBase: 19000,
} as const;

export type PortName = keyof typeof defaults;

const envName = (name: string) => `SHOPSTREAM_PORT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function portShift(): number {
  const raw = process.env.SHOPSTREAM_PORT_SHIFT;
  const shift = raw === undefined || raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(shift) || shift < 0 || shift > 40_000 || shift % 2000 !== 0) {
    throw new Error(`SHOPSTREAM_PORT_SHIFT=${raw} is not a multiple of 2000 between 0 and 40000`);
  }
  return shift;
}

function resolvePorts(): Record<PortName, number> {
  const out = {} as Record<PortName, number>;
  const shift = portShift();
  for (const [name, value] of Object.entries(defaults) as [PortName, number][]) {
    const raw = process.env[envName(name)];
    const port = raw === undefined ? value + shift : Number(raw);
    if (!Number.isInteger(port) || port < 1024 || port > 65535) {
      throw new Error(`${envName(name)}=${raw} is not a port between 1024 and 65535`);
    }
    out[name] = port;
  }
  return out;
}

export const ports = resolvePorts();

/** Port blocks 0–99 (appBase … appBase + 999): each Dapr app declares one (`portBlock:` in its apps file). */
export const MAX_PORT_BLOCK = 99;

/** The ports of the Dapr app on port block `block` (tools/stack/apps.ts): the app itself and its sidecar. */
export function appPorts(block: number) {
  const base = ports.appBase + 10 * block;
  return {
    app: base,
    appHealth: base + 1,
    daprHttp: base + 2,
    daprGrpc: base + 3,
    daprInternalGrpc: base + 4,
    daprMetrics: base + 5,
    /** A second listener of the app itself: the HTTP side of a gRPC app (payments' Stripe webhooks). */
    appHttp: base + 6,
    /** The app's Prometheus endpoint (`/metrics`, METRICS_PORT), scraped by the stack's Prometheus. */
    appMetrics: base + 7,
  };
}

export type AppPorts = ReturnType<typeof appPorts>;
export const portEnvName = envName;
