import type { RuleGroup } from './slo-rules.js';

/** One endpoint Prometheus scrapes: `job` groups like processes (one per app; `daprd` for every sidecar). */
export interface ScrapeTarget {
  job: string;
  /** The process name the supervisor shows (`catalog`, `catalog-dapr`, `temporal` …): the `instance` label. */
  instance: string;
  port: number;
  path?: string;
}

export interface PrometheusSettings {
  scrapeIntervalSeconds: number;
  alertmanagerPort: number;
  ruleFile: string;
}

/**
 * prometheus.yml for the stack: every target on loopback, grouped into jobs, with `instance` set to the
 * process name instead of host:port so a query reads like `npm run status`.
 */
export function prometheusConfig(targets: readonly ScrapeTarget[], settings: PrometheusSettings) {
  const interval = `${settings.scrapeIntervalSeconds}s`;
  const jobs = new Map<string, ScrapeTarget[]>();
  for (const t of targets) jobs.set(t.job, [...(jobs.get(t.job) ?? []), t]);
  return {
    global: { scrape_interval: interval, evaluation_interval: interval, scrape_timeout: interval },
    rule_files: [settings.ruleFile],
    alerting: {
      alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${settings.alertmanagerPort}`] }] }],
    },
    scrape_configs: [...jobs.values()].map((group) => ({
      job_name: group[0]!.job,
      metrics_path: group[0]!.path ?? '/metrics',
      static_configs: group.map((t) => ({
        targets: [`127.0.0.1:${t.port}`],
        labels: { instance: t.instance },
      })),
    })),
  };
}

/** The rule file: the SLO groups (tools/observability/slo-rules.ts). */
export const ruleFile = (groups: readonly RuleGroup[]) => ({ groups });
