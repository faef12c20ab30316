import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot, toolBin } from '../paths.mjs';
import {
  alertmanagerConfig,
  DEFAULT_ALERTMANAGER_TIMING,
  type AlertmanagerTiming,
} from '../observability/alertmanager-config.js';
import { prometheusConfig, ruleFile, type ScrapeTarget } from '../observability/prometheus-config.js';
import { sloRuleGroups } from '../observability/slo-rules.js';
import { loadSlos } from '../observability/slo-spec.js';
import { dataDir } from './layout.js';
import { ports } from './ports.js';
import { httpOk } from './probes.js';
import type { ProcessSpec } from './spec.js';

/** How quickly the stack's metrics pipeline reacts: the defaults, or the test stack's fast settings. */
export interface ObservabilityOptions {
  scrapeIntervalSeconds?: number;
  /** See RuleOptions.timeScale (tools/observability/slo-rules.ts). */
  sloTimeScale?: number;
  alertTiming?: AlertmanagerTiming;
}

/** The scrape targets every stack has besides its apps: the servers that serve Prometheus metrics. */
export const infraScrapeTargets = (): ScrapeTarget[] => [
  { job: 'prometheus', instance: 'prometheus', port: ports.prometheus },
  { job: 'alertmanager', instance: 'alertmanager', port: ports.alertmanager },
  { job: 'dapr-placement', instance: 'dapr-placement', port: ports.placementMetrics },
  { job: 'dapr-scheduler', instance: 'dapr-scheduler', port: ports.schedulerMetrics },
  { job: 'temporal', instance: 'temporal', port: ports.temporalMetrics },
  { job: 'jaeger', instance: 'jaeger', port: ports.jaegerMetrics },
];

/** Writes prometheus.yml and the SLO rules into the data folder (regenerated at each start). */
function writePrometheusConfig(targets: readonly ScrapeTarget[], options: ObservabilityOptions) {
  const dir = dataDir('prometheus');
  mkdirSync(join(dir, 'tsdb'), { recursive: true });
  const rules = join(dir, 'slo-rules.yaml');
  writeFileSync(
    rules,
    stringify(ruleFile(sloRuleGroups(loadSlos(), { timeScale: options.sloTimeScale ?? 1 }))),
  );
  const settings = {
    scrapeIntervalSeconds: options.scrapeIntervalSeconds ?? 15,
    alertmanagerPort: ports.alertmanager,
    ruleFile: rules,
  };
  writeFileSync(join(dir, 'prometheus.yml'), stringify(prometheusConfig(targets, settings)));
}

/** Writes alertmanager.yml (routes to the alert sink) into the data folder. */
function writeAlertmanagerConfig(options: ObservabilityOptions) {
  mkdirSync(dataDir('alertmanager'), { recursive: true });
  const sink = `http://127.0.0.1:${ports.alertSink}/alerts`;
  const timing = options.alertTiming ?? DEFAULT_ALERTMANAGER_TIMING;
  writeFileSync(
    join(dataDir('alertmanager'), 'alertmanager.yml'),
    stringify(alertmanagerConfig(sink, timing)),
  );
}

/**
 * Prometheus (scrapes every app, sidecar and server; evaluates the SLO rules), Alertmanager (routes the
 * alerts) and the alert sink (receives them), all on loopback (adr/0070). Prometheus keeps two days or 512 MB.
 */
export function observabilityProcesses(
  targets: readonly ScrapeTarget[],
  options: ObservabilityOptions = {},
): ProcessSpec[] {
  const prometheusDir = dataDir('prometheus');
  const prometheus: ProcessSpec = {
    name: 'prometheus',
    kind: 'infra',
    command: toolBin('prometheus'),
    args: [
      `--config.file=${join(prometheusDir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(prometheusDir, 'tsdb')}`,
      '--storage.tsdb.retention.time=2d',
      '--storage.tsdb.retention.size=512MB',
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
      '--log.level=warn',
    ],
    ports: { http: ports.prometheus },
    ready: () => httpOk(`http://127.0.0.1:${ports.prometheus}/-/ready`),
    readyTimeoutMs: 30_000,
    dependsOn: [],
    prepare: () => Promise.resolve(writePrometheusConfig(targets, options)),
  };
  const alertmanagerDir = dataDir('alertmanager');
  const alertmanager: ProcessSpec = {
    name: 'alertmanager',
    kind: 'infra',
    command: toolBin('prometheus-alertmanager'),
    args: [
      `--config.file=${join(alertmanagerDir, 'alertmanager.yml')}`,
      `--storage.path=${alertmanagerDir}`,
      `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
      // A single node: no gossip listener at all (it would bind every interface).
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    ports: { http: ports.alertmanager },
    ready: () => httpOk(`http://127.0.0.1:${ports.alertmanager}/-/ready`),
    readyTimeoutMs: 30_000,
    dependsOn: ['alert-sink'],
    prepare: () => Promise.resolve(writeAlertmanagerConfig(options)),
  };
  const sink: ProcessSpec = {
    name: 'alert-sink',
    kind: 'infra',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      join(repoRoot, 'tools', 'stack', 'alert-sink-main.ts'),
      String(ports.alertSink),
      join(dataDir('alerts'), 'notifications.jsonl'),
    ],
    cwd: repoRoot,
    ports: { http: ports.alertSink },
    ready: () => httpOk(`http://127.0.0.1:${ports.alertSink}/healthz`),
    readyTimeoutMs: 30_000,
    dependsOn: [],
  };
  return [sink, alertmanager, prometheus];
}
