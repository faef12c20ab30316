import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RED_DURATION_BUCKETS_S, RED_METRIC_NAMES } from '@shopstream/service-defaults';
import { repoRoot } from '../paths.mjs';

/** Where the SLOs live: one YAML file per SLO (observability/README.md). */
export const SLO_DIR = join(repoRoot, 'observability', 'slos');

const name = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case, e.g. "login-success"');

const kind = {
  /** availability: server errors are bad; latency: answers slower than thresholdSeconds are bad. */
  kind: z.enum(['availability', 'latency']),
  thresholdSeconds: z
    .number()
    .refine((s) => (RED_DURATION_BUCKETS_S as readonly number[]).includes(s), {
      message: `must be a bucket boundary of the RED histograms (${RED_DURATION_BUCKETS_S.join(', ')} s; packages/service-defaults/src/metrics/red-metrics.ts)`,
    })
    .optional(),
};

const httpSli = z.strictObject({
  ...kind,
  metric: z.literal('http'),
  /** Route templates as the RED middleware records them (`http.route`), e.g. `/auth/sign-in`. */
  routes: z
    .array(z.string().regex(/^\/[\w\-/:.]*$/, 'must be a route template such as /auth/sign-in'))
    .min(1),
});
const rpcSli = z.strictObject({
  ...kind,
  metric: z.literal('rpc'),
  rpcService: z
    .string()
    .regex(/^[a-z][\w.]*\.[A-Z]\w*$/, 'must be a full service name such as pkg.v1.Service'),
  rpcMethods: z.array(z.string().regex(/^[A-Z]\w*$/, 'must be a method name such as GetProduct')).min(1),
});

const sli = z
  .discriminatedUnion('metric', [httpSli, rpcSli])
  .refine((s) => (s.kind === 'latency') === (s.thresholdSeconds !== undefined), {
    message: 'thresholdSeconds is required for kind: latency and not allowed for kind: availability',
    path: ['thresholdSeconds'],
  });

export const sloSchema = z.strictObject({
  name,
  /** The Dapr app id whose own RED metrics measure the SLI (the Prometheus job of that app). */
  service: name,
  description: z.string().min(1),
  /** Percent of good events, e.g. 99.9. */
  objective: z.number().gt(50).lt(100),
  sli,
});

export type Slo = z.infer<typeof sloSchema>;

/** An OpenTelemetry instrument name as the Prometheus exporter writes it (dots become underscores). */
export const prometheusName = (otelName: string) => otelName.replace(/[^a-zA-Z0-9_]/g, '_');

export const RED_SERIES = {
  http: prometheusName(RED_METRIC_NAMES.http),
  rpc: prometheusName(RED_METRIC_NAMES.rpc),
} as const;

/** Every SLO file, parsed; a bad file fails with its name and the field. */
export function loadSlos(dir = SLO_DIR): Slo[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const slos = files.map((file) => {
    const parsed = sloSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new Error(`${join(dir, file)}: ${issues.join('; ')}`);
    }
    if (`${parsed.data.name}.yaml` !== file)
      throw new Error(`${file}: name must match the file (${parsed.data.name})`);
    return parsed.data;
  });
  return slos;
}
